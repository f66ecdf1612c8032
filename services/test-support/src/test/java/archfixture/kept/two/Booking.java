package archfixture.kept.two;

import archfixture.kept.one.Seats;

class Booking {

    int row(Seats.Seat seat, Seats.Rule rule) {
        return rule == null ? 0 : seat.row();
    }
}
