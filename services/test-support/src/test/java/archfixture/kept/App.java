package archfixture.kept;

/** Stands for a service's application class, in code that keeps every rule. */
public class App {
}
