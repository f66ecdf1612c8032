package archfixture.kept.one;

class Store {

    Value find(Value value) {
        return value;
    }
}
