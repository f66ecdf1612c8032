package archfixture.breaches;

/** Stands for a service's application class: its package is the service's. */
public class App {
}
