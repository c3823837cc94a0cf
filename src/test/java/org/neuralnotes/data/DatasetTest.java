package org.neuralnotes.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.neuralnotes.data.Refusals.assertRefused;

import java.util.ArrayList;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

class DatasetTest {
    private static final DMatrixRMaj X = new DMatrixRMaj(3, 2, true, 1, 2, 3, 4, 5, 6);
    private static final List<String> F = List.of("f0", "f1");
    private static final List<String> C = List.of("no", "yes");

    private static Dataset make(String name, DMatrixRMaj x, int[] y, List<String> f, List<String> c) {
        return new Dataset(name, x, y, f, c, "made up", "this test", "none");
    }

    @Test
    void holdsWhatItWasGivenAndCopiesTheNameLists() {
        List<String> f = new ArrayList<>(F);
        Dataset d = make("tiny", X, new int[] {1, 0, 1}, f, C);
        f.set(0, "changed");
        assertEquals("f0", d.featureNames().get(0));
        assertEquals(3, d.n());
        assertEquals(2, d.p());
        assertEquals(2, d.classes());
        assertArrayEquals(new int[] {1, 2}, d.classCounts());
        assertThrows(UnsupportedOperationException.class, () -> d.classNames().add("maybe"));
        assertEquals("tiny: 3 examples x 2 features, 2 classes (0 no: 1, 1 yes: 2)", d.toString());
    }

    @Test
    void refusesInconsistentParts() {
        int[] y = {1, 0, 1};
        assertRefused("name", () -> make(" ", X, y, F, C), "non-blank");
        assertRefused("name", () -> make(null, X, y, F, C), "null");
        assertRefused("X", () -> make("d", null, y, F, C), "null");
        assertRefused("X", () -> make("d", new DMatrixRMaj(1, 2, true, 0, Double.NaN), new int[] {0}, F, C),
                "NaN", "row 0, column 1");
        assertRefused("y", () -> make("d", X, new int[] {1, 0}, F, C), "expected 3 labels", "3x2", "found 2");
        assertRefused("y", () -> make("d", X, new int[] {1, 2, 0}, F, C), "[0, 2)", "found 2", "index 1");
        assertRefused("y", () -> make("d", X, null, F, C), "null");
        assertRefused("featureNames", () -> make("d", X, y, List.of("f0"), C), "expected 2 names", "found 1");
        assertRefused("featureNames", () -> make("d", X, y, null, C), "null");
        assertRefused("classNames", () -> make("d", X, y, F, List.of()), "at least one class name");
        assertRefused("classNames", () -> make("d", X, y, F, List.of("a", "a")), "distinct", "\"a\"");
        assertRefused("classNames", () -> make("d", X, y, F, null), "null");
        assertRefused("description", () -> new Dataset("d", X, y, F, C, null, "s", "l"), "null");
        assertRefused("source", () -> new Dataset("d", X, y, F, C, "d", null, "l"), "null");
        assertRefused("licence", () -> new Dataset("d", X, y, F, C, "d", "s", null), "null");
    }

    @Test
    void toTableRefusesAFeatureNamedLabel() {
        Dataset d = make("d", X, new int[] {0, 0, 1}, List.of("label", "f1"), C);
        IllegalStateException e = assertThrows(IllegalStateException.class, d::toTable);
        assertEquals("toTable: a feature is already named \"label\"", e.getMessage());
    }
}
