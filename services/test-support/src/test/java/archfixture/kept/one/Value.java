package archfixture.kept.one;

record Value(String text) {
}
