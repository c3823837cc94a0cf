"""Writes tests/plot/notebooks/plot_display.ipynb: a small notebook that shows figures every
way a reader would (a cell's result, display(...), a group of figures, the live training
display). Run it again after changing the cells; the notebook is committed without outputs."""
import os
import nbformat

CELLS = [
    ("markdown", "# Plots in the notebook\nEvery figure below must draw, under IJava and JJava, "
                 "in JupyterLab, Notebook 7 and the exported HTML report, with the network off."),
    ("code", "import org.neuralnotes.plot.*;\n"
             "import tech.tablesaw.api.*;\n"
             "import org.ejml.data.DMatrixRMaj;\n"
             "// plotly.js for the whole notebook (once); run this cell again if plots go blank\n"
             "Notebook.setup()"),
    ("code", "Notebook.kernelName()"),
    ("code", "// a loss table as History.lossTable() writes it\n"
             "IntColumn step = IntColumn.create(\"step\");\n"
             "DoubleColumn loss = DoubleColumn.create(\"loss\");\n"
             "DoubleColumn val = DoubleColumn.create(\"validation_loss\");\n"
             "for (int s = 1; s <= 60; s++) {\n"
             "    step.append(s);\n"
             "    loss.append(Math.exp(-s / 15.0) + 0.02);\n"
             "    val.append(Math.exp(-s / 18.0) + 0.05);\n"
             "}\n"
             "Table lossTable = Table.create(\"loss\", step, loss, val);\n"
             "Plots.loss(lossTable)"),
    ("code", "// a weight table (long format) for W1 (3x4) and b1 (1x4)\n"
             "IntColumn ws = IntColumn.create(\"step\");\n"
             "StringColumn par = StringColumn.create(\"parameter\");\n"
             "IntColumn row = IntColumn.create(\"row\");\n"
             "IntColumn col = IntColumn.create(\"col\");\n"
             "DoubleColumn value = DoubleColumn.create(\"value\");\n"
             "for (int s = 1; s <= 30; s++) {\n"
             "    for (int i = 0; i < 3; i++) for (int j = 0; j < 4; j++) {\n"
             "        ws.append(s); par.append(\"W1\"); row.append(i); col.append(j);\n"
             "        value.append(Math.sin(s / 6.0 + i - 0.4 * j));\n"
             "    }\n"
             "    for (int j = 0; j < 4; j++) {\n"
             "        ws.append(s); par.append(\"b1\"); row.append(0); col.append(j);\n"
             "        value.append(0.1 * j - s / 100.0);\n"
             "    }\n"
             "}\n"
             "Table weights = Table.create(\"weights\", ws, par, row, col, value);\n"
             "// display(...) shows a figure in place; the last expression is the cell's result\n"
             "display(Plots.weightPaths(weights, \"W1\"));\n"
             "Plots.weightPaths(weights)"),
    ("code", "// a classifier's decision boundary (a fixed logistic model)\n"
             "int n = 40;\n"
             "DMatrixRMaj X = new DMatrixRMaj(n, 2);\n"
             "DMatrixRMaj Y = new DMatrixRMaj(n, 1);\n"
             "for (int i = 0; i < n; i++) {\n"
             "    X.set(i, 0, Math.cos(0.7 * i) * (1 + i % 3));\n"
             "    X.set(i, 1, Math.sin(0.7 * i) * (1 + i % 3));\n"
             "    Y.set(i, 0, X.get(i, 0) + 0.5 * X.get(i, 1) > 0 ? 1 : 0);\n"
             "}\n"
             "java.util.function.Function<DMatrixRMaj, DMatrixRMaj> model = G -> {\n"
             "    DMatrixRMaj P = new DMatrixRMaj(G.numRows, 1);\n"
             "    for (int i = 0; i < G.numRows; i++) {\n"
             "        P.set(i, 0, 1 / (1 + Math.exp(-2 * (G.get(i, 0) + 0.5 * G.get(i, 1)))));\n"
             "    }\n"
             "    return P;\n"
             "};\n"
             "Plots.decisionBoundary(model, X, Y)"),
    ("code", "// the live training display: progress bar and loss curve, redrawn every 10 steps\n"
             "LiveLossDisplay live = LiveLossDisplay.create(60, 10);\n"
             "for (int s = 1; s <= 60; s++) {\n"
             "    live.update(s, Math.exp(-s / 15.0) + 0.02, Math.exp(-s / 18.0) + 0.05);\n"
             "}\n"
             "live.finish();"),
    ("code", "Plots.confusionMatrix(model.apply(X), Y, \"negative\", \"positive\")"),
]


def main():
    nb = nbformat.v4.new_notebook()
    for kind, src in CELLS:
        nb.cells.append(nbformat.v4.new_markdown_cell(src) if kind == "markdown"
                        else nbformat.v4.new_code_cell(src))
    nb.metadata["kernelspec"] = {"name": "java", "display_name": "Java", "language": "java"}
    # fixed cell ids so the file is identical every time it is written
    for i, cell in enumerate(nb.cells):
        cell["id"] = "cell-%d" % i
    out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "notebooks", "plot_display.ipynb")
    nbformat.write(nb, out)
    print(out)


if __name__ == "__main__":
    main()
