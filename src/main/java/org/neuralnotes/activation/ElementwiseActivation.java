package org.neuralnotes.activation;

import org.ejml.data.DMatrixRMaj;
import org.neuralnotes.linalg.Checks;

/**
 * An activation applied entry by entry: a = g(z), with g'(z) written from z and a
 * (σ' = a(1 − a), tanh' = 1 − a², as the notes write them).
 */
public abstract class ElementwiseActivation implements Activation {

    /** a = g(z) for one entry. */
    public abstract double value(double z);

    /** g'(z) for one entry, given z and a = g(z). */
    public abstract double derivative(double z, double a);

    @Override
    public final boolean elementwise() {
        return true;
    }

    @Override
    public final DMatrixRMaj forward(DMatrixRMaj Z) {
        Checks.nonEmpty("Z", Z);
        DMatrixRMaj A = new DMatrixRMaj(Z.numRows, Z.numCols);
        int n = Z.getNumElements();
        for (int i = 0; i < n; i++) {
            A.data[i] = value(Z.data[i]);
        }
        return A;
    }

    /** g'(Z), entry by entry: the diagonal of the Jacobian, which is all there is of it. */
    public final DMatrixRMaj derivative(DMatrixRMaj Z) {
        Checks.nonEmpty("Z", Z);
        DMatrixRMaj D = new DMatrixRMaj(Z.numRows, Z.numCols);
        int n = Z.getNumElements();
        for (int i = 0; i < n; i++) {
            double z = Z.data[i];
            D.data[i] = derivative(z, value(z));
        }
        return D;
    }

    @Override
    public final DMatrixRMaj backward(DMatrixRMaj Z, DMatrixRMaj A, DMatrixRMaj dA) {
        Checks.sameShape("Z", Z, "A", A);
        Checks.sameShape("A", A, "dA", dA);
        DMatrixRMaj dZ = new DMatrixRMaj(Z.numRows, Z.numCols);
        int n = Z.getNumElements();
        for (int i = 0; i < n; i++) {
            // dZ = g'(Z) ⊙ dA
            dZ.data[i] = derivative(Z.data[i], A.data[i]) * dA.data[i];
        }
        return dZ;
    }

    @Override
    public String toString() {
        return name();
    }
}
