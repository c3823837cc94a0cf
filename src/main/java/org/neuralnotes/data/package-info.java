/**
 * Data helpers and datasets, rows = examples throughout (X is N×p, Y is N×K).
 *
 * <ul>
 *   <li>{@link org.neuralnotes.data.OneHot} — labels ↔ one-hot Y, argmax of predictions,
 *       class counts, accuracy;</li>
 *   <li>{@link org.neuralnotes.data.Split} — seeded train/test splits, plain and stratified,
 *       drawn from an {@link org.neuralnotes.random.Rng} passed in;</li>
 *   <li>{@link org.neuralnotes.data.Standardizer} — column means and population standard
 *       deviations fitted on training data, with an explicit rule for constant columns;</li>
 *   <li>{@link org.neuralnotes.data.Tables} — Tablesaw tables, {@code double[][]} and
 *       {@link org.ejml.data.DMatrixRMaj}, both ways;</li>
 *   <li>{@link org.neuralnotes.data.Datasets} — breast cancer (Wisconsin diagnostic), iris
 *       and 8×8 digits, shipped in the jar with their sources and licences
 *       ({@link org.neuralnotes.data.Dataset});</li>
 *   <li>{@link org.neuralnotes.data.Note000Simulation} — note 000's simulated regression data,
 *       seeded ({@link org.neuralnotes.data.RegressionData}).</li>
 * </ul>
 *
 * <p>A typical start of a notebook:
 * <pre>{@code
 * Dataset d = Datasets.iris();
 * Split.TrainTest s = Split.stratified(d.X(), d.oneHot(), d.y(), 0.2, new Rng(42));
 * Standardizer scaler = Standardizer.fit(s.Xtrain());
 * DMatrixRMaj Xtrain = scaler.transform(s.Xtrain());
 * DMatrixRMaj Xtest = scaler.transform(s.Xtest());
 * }</pre>
 */
package org.neuralnotes.data;
