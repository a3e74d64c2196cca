package cn.parkflow.webapp;

/**
 * The one configuration of the browser tests: {@code @SpringBootTest(webEnvironment = RANDOM_PORT,
 * properties = BrowserApplication.H2)} on every browser class, so that the browser classes of a test
 * JVM share one application context and one in-memory H2 database (demo profile, demo data) instead
 * of starting one each. They run last in the application tests' JVMs (surefire's alphabetical order
 * puts package {@code webapp} after the others), after the PostgreSQL classes' context is closed
 * ({@code support.OneContextPerJvm}). Each class uses data of its own: its own process or business
 * keys and cases, looked up by id, never the first of a list another class may have added to.
 */
final class BrowserApplication {

    static final String H2 = "spring.datasource.url=jdbc:h2:mem:browser;DB_CLOSE_ON_EXIT=FALSE";

    private BrowserApplication() {
    }
}
