package io.hoithao.reports.archfixture;

/** Stands for another service's class (the architecture rules' fixtures). */
public record Report(String id) {
}
