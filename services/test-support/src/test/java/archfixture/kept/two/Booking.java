package archfixture.kept.two;

import archfixture.kept.one.Seats;

class Booking {

    int row(Seats.Seat seat) {
        return seat.row();
    }
}
