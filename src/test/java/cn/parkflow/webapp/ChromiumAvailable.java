package cn.parkflow.webapp;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs the browser tests only where Debian's Chromium is installed. On CI (root, CI=true) it
 * installs what is missing first, and a failed install fails the tests; anywhere else a missing
 * Chromium skips them with a loud message, so they never pass silently.
 */
final class ChromiumAvailable implements ExecutionCondition {

    private static Optional<Path> binary;

    static Path binary() {
        return binary.orElseThrow();
    }

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (locate().isPresent()) {
            return ConditionEvaluationResult.enabled("Chromium at " + binary.get());
        }
        String message = "SKIPPED: the Chinese webapp browser tests need Debian's chromium package. "
                + "Install it (apt-get install chromium fonts-wqy-microhei) or run as root with CI=true.";
        System.err.println("\n" + "!".repeat(100) + "\n!!! " + message + "\n" + "!".repeat(100) + "\n");
        return ConditionEvaluationResult.disabled(message);
    }

    private static synchronized Optional<Path> locate() {
        if (binary == null) {
            try {
                if (Chromium.mayInstall() && !Chromium.install()) {
                    throw new IllegalStateException("CI: could not install " + Chromium.PACKAGES
                            + " from Debian's packages, see " + Chromium.INSTALL_LOG);
                }
            } catch (IOException e) {
                throw new IllegalStateException("CI: apt-get failed", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            binary = Chromium.find();
        }
        return binary;
    }
}
