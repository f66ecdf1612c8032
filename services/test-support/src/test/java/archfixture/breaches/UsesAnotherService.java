package archfixture.breaches;

import io.hoithao.reports.archfixture.Report;

class UsesAnotherService {

    Report report() {
        return new Report("x");
    }
}
