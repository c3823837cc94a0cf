package org.neuralnotes.train;

import java.util.Locale;
import java.util.Optional;

/** The rules' implementations, kept out of the interface's way. */
final class Rules {
    private Rules() {}

    static StoppingRule nonNull(String name, StoppingRule rule) {
        if (rule == null) {
            throw new IllegalArgumentException(name + ": expected a stopping rule, found null");
        }
        return rule;
    }

    static void checkTarget(double target) {
        if (!(target > 0 && target <= 1)) {
            throw new IllegalArgumentException("target: expected an accuracy in (0, 1], found "
                    + target);
        }
    }

    /** A measured value in a reason, to six significant digits. */
    static String number(double v) {
        return String.format(Locale.ROOT, "%.6g", v);
    }

    interface Test {
        /** The reason to stop, or null. */
        String reason(Progress p);
    }

    static final class Named implements StoppingRule {
        private final String description;
        private final boolean needsValidation;
        private final Test test;

        Named(String description, boolean needsValidation, Test test) {
            this.description = description;
            this.needsValidation = needsValidation;
            this.test = test;
        }

        @Override
        public Optional<String> check(Progress p) {
            return Optional.ofNullable(test.reason(p));
        }

        @Override
        public boolean needsValidation() {
            return needsValidation;
        }

        @Override
        public String toString() {
            return description;
        }
    }

    static final class Or implements StoppingRule {
        private final StoppingRule a;
        private final StoppingRule b;

        Or(StoppingRule a, StoppingRule b) {
            this.a = a;
            this.b = b;
        }

        @Override
        public Optional<String> check(Progress p) {
            Optional<String> first = a.check(p);
            return first.isPresent() ? first : b.check(p);
        }

        @Override
        public boolean needsValidation() {
            return a.needsValidation() || b.needsValidation();
        }

        @Override
        public String toString() {
            return "(" + a + " or " + b + ")";
        }
    }

    static final class And implements StoppingRule {
        private final StoppingRule a;
        private final StoppingRule b;

        And(StoppingRule a, StoppingRule b) {
            this.a = a;
            this.b = b;
        }

        @Override
        public Optional<String> check(Progress p) {
            Optional<String> first = a.check(p);
            if (first.isEmpty()) {
                return first;
            }
            Optional<String> second = b.check(p);
            return second.isEmpty() ? second : Optional.of(first.get() + " and " + second.get());
        }

        @Override
        public boolean needsValidation() {
            return a.needsValidation() || b.needsValidation();
        }

        @Override
        public String toString() {
            return "(" + a + " and " + b + ")";
        }
    }
}
