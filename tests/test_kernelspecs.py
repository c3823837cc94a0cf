"""The kernelspecs that tools/install_kernels.py registers (by `make kernels`, or binder/postBuild)."""

import json
import os
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from jupyter_client.kernelspec import KernelSpecManager

from tools.install_kernels import (CLASS_ARCHIVE, FIXES_JAR, check_java, create_class_archive, pom_facts,
                                   rapaio_fixes)
from tools.run_notebooks import PROJECT

NAMES = ("java", "java-ijava", "java-jjava", "java-rapaio")
CLASSPATH_VARIABLE = {"ijava": "IJAVA_CLASSPATH", "jjava": "JJAVA_CLASSPATH", "rapaio": "RJK_CLASSPATH"}


def spec(name):
    return KernelSpecManager().get_kernel_spec(name)


@pytest.mark.parametrize("name", NAMES)
def test_kernel_is_registered_inside_the_project_environment(name):
    folder = Path(spec(name).resource_dir).resolve()
    assert folder == (Path(sys.prefix) / "share" / "jupyter" / "kernels" / name).resolve()
    assert spec(name).language == "java"


@pytest.mark.parametrize("name", NAMES)
def test_kernel_classpath_holds_the_library_and_its_dependencies(name):
    kernel = spec(name)
    implementation = kernel.metadata["neuralnotes"]["implementation"]
    facts = pom_facts(PROJECT)
    jar = PROJECT / "target" / f"{facts['artifactId']}-{facts['version']}.jar"
    # Rapaio splits its classpath at ';' on every OS
    entries = kernel.env[CLASSPATH_VARIABLE[implementation]].split(";" if implementation == "rapaio" else os.pathsep)
    assert entries == [jar.as_posix(), (PROJECT / "target" / "lib" / "*").as_posix()]
    assert jar.is_file()
    lib = {re.sub(r"-\d.*$", "", p.name) for p in (PROJECT / "target" / "lib").glob("*.jar")}
    assert {"ejml-ddense", "tablesaw-core", "tablesaw-jsplot", "guava"} <= lib


@pytest.mark.parametrize("name", NAMES)
def test_kernel_jvm_has_a_bounded_heap_and_its_jar_beside_the_spec(name):
    kernel = spec(name)
    assert sum(a.startswith("-Xmx") for a in kernel.argv) == 1
    jar = kernel.argv[kernel.argv.index("-jar") + 1].replace("{resource_dir}", kernel.resource_dir)
    assert Path(jar).is_file()
    assert kernel.argv[-1] == "{connection_file}"


@pytest.mark.parametrize("name", NAMES)
def test_kernel_fixes_the_blas_thread_count_so_runs_repeat(name):
    assert spec(name).env["OPENBLAS_NUM_THREADS"] == "2"


@pytest.mark.parametrize("name", NAMES)
def test_kernel_jvm_maps_the_class_archive_recorded_at_install(name):
    kernel = spec(name)
    archive_option = "-XX:SharedArchiveFile={resource_dir}/" + CLASS_ARCHIVE
    assert kernel.argv.count(archive_option) == 1
    assert kernel.argv.index(archive_option) < kernel.argv.index("-jar")
    assert (Path(kernel.resource_dir) / CLASS_ARCHIVE).is_file()
    # the kernel's JVM, with its own options and jar, maps the archive (-Xshare:on fails otherwise)
    at = kernel.argv.index("-jar")
    options = [a.replace("{resource_dir}", kernel.resource_dir) for a in kernel.argv[1:at]]
    jar = kernel.argv[at + 1].replace("{resource_dir}", kernel.resource_dir)
    result = subprocess.run([kernel.argv[0], *options, "-Xshare:on", "-cp", jar, "-version"],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stdout + result.stderr


def test_rapaio_keeps_its_dependency_cache_beside_its_spec_and_sets_no_time_limit():
    kernel = spec("java-rapaio")
    # its default cache folder is relative: it would appear in the notebook's folder
    assert Path(kernel.env["RJK_MIMA_CACHE"]).parent == Path(kernel.resource_dir)
    assert kernel.env["RJK_TIMEOUT_MILLIS"] == "-1"
    assert (Path(kernel.resource_dir) / f"rapaio-jupyter-kernel-{pom_facts(PROJECT)['rapaio.version']}.jar").is_file()


def test_rapaio_starts_through_its_fixed_classes_then_its_own_jar():
    kernel = spec("java-rapaio")
    assert kernel.argv[kernel.argv.index("-jar") + 1] == "{resource_dir}/" + FIXES_JAR
    with zipfile.ZipFile(Path(kernel.resource_dir) / FIXES_JAR) as jar:
        manifest = jar.read("META-INF/MANIFEST.MF").decode()
        classes = sorted(n for n in jar.namelist() if n.endswith(".class"))
    assert "Main-Class: org.rapaio.jupyter.kernel.MainApp" in manifest
    assert f"Class-Path: rapaio-jupyter-kernel-{pom_facts(PROJECT)['rapaio.version']}.jar" in manifest
    assert classes == ["org/rapaio/jupyter/kernel/channels/Channels.class",
                       "org/rapaio/jupyter/kernel/channels/LoopThread.class"]


LOOP_PROBE = """
import org.rapaio.jupyter.kernel.channels.LoopThread;
import java.util.concurrent.atomic.AtomicBoolean;
public class LoopProbe {
    public static void main(String[] args) throws Exception {
        System.out.println(LoopThread.class.getProtectionDomain().getCodeSource().getLocation());
        int ended = 0;
        for (int i = 0; i < 500; i++) {
            AtomicBoolean ran = new AtomicBoolean();
            LoopThread t = new LoopThread("probe", 1, () -> ran.set(true));
            t.start();
            t.join(200);
            if (!ran.get() && !t.isAlive()) ended++;
            t.shutdown();
            t.join();
        }
        System.out.println(ended);
    }
}
"""


def test_rapaio_loop_threads_never_end_before_their_first_poll(tmp_path):
    # Rapaio 3.0.1's own LoopThread ended at once in about 1 start of 25 on a busy machine
    kernel = spec("java-rapaio")
    probe = tmp_path / "LoopProbe.java"
    probe.write_text(LOOP_PROBE)
    jar = Path(kernel.resource_dir) / FIXES_JAR
    result = subprocess.run([kernel.argv[0], "-cp", str(jar), str(probe)],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    location, ended = result.stdout.split()
    assert location.endswith(FIXES_JAR) and ended == "0"


def test_installer_refuses_a_rapaio_version_its_fixes_were_not_taken_from():
    with pytest.raises(SystemExit, match=r"holds classes of 3\.0\.1 with their start-up races fixed"):
        rapaio_fixes("3.0.5")


def test_java_is_the_default_implementation_under_its_own_name():
    default = spec("java")
    implementation = default.metadata["neuralnotes"]["implementation"]
    twin = spec(f"java-{implementation}")
    assert default.argv == twin.argv and default.env == twin.env
    assert default.display_name == "Java"


def run_installer(tmp_path, *args, **env):
    return subprocess.run(
        [sys.executable, str(PROJECT / "tools" / "install_kernels.py"), *args],
        capture_output=True, text=True, timeout=300,
        env={**os.environ, "HOME": str(tmp_path / "home"), **env},
    )


def test_installer_writes_only_into_the_given_prefix_and_can_default_to_jjava(tmp_path):
    (tmp_path / "home").mkdir()
    prefix = tmp_path / "prefix"
    result = run_installer(tmp_path, "--prefix", str(prefix), "--default", "jjava", "--heap", "768m")
    assert result.returncode == 0, result.stderr
    kernels = prefix / "share" / "jupyter" / "kernels"
    assert sorted(p.name for p in kernels.iterdir()) == sorted(NAMES)
    default = json.loads((kernels / "java" / "kernel.json").read_text())
    assert default["metadata"]["neuralnotes"]["implementation"] == "jjava"
    assert "-Xmx768m" in default["argv"] and "JJAVA_CLASSPATH" in default["env"]
    assert (kernels / "java" / "jjava.jar").is_file()
    config = prefix / "etc" / "jupyter" / "jupyter_server_config.json"
    assert json.loads(config.read_text()) == {"MultiKernelManager": {"default_kernel_name": "java"}}
    assert list((tmp_path / "home").iterdir()) == [], "the installer wrote into the home folder"


def test_installer_keeps_the_rest_of_an_existing_server_config(tmp_path):
    (tmp_path / "home").mkdir()
    config = tmp_path / "prefix" / "etc" / "jupyter" / "jupyter_server_config.json"
    config.parent.mkdir(parents=True)
    config.write_text(json.dumps({"ServerApp": {"port": 9999}, "MultiKernelManager": {"x": 1}}))
    result = run_installer(tmp_path, "--prefix", str(tmp_path / "prefix"))
    assert result.returncode == 0, result.stderr
    assert json.loads(config.read_text()) == {
        "ServerApp": {"port": 9999}, "MultiKernelManager": {"x": 1, "default_kernel_name": "java"}
    }


def test_installer_can_leave_out_the_class_archive(tmp_path):
    (tmp_path / "home").mkdir()
    prefix = tmp_path / "prefix"
    result = run_installer(tmp_path, "--prefix", str(prefix), "--no-class-archive")
    assert result.returncode == 0, result.stderr
    for name in NAMES:
        folder = prefix / "share" / "jupyter" / "kernels" / name
        argv = json.loads((folder / "kernel.json").read_text())["argv"]
        assert not any(a.startswith("-XX:SharedArchiveFile") for a in argv)
        assert not (folder / CLASS_ARCHIVE).exists()


def test_a_kernel_that_cannot_record_its_classes_keeps_its_spec_and_says_why(tmp_path):
    folder = tmp_path / "kernels" / "broken"
    folder.mkdir(parents=True)
    dies = tmp_path / "java"
    dies.write_text("#!/bin/sh\necho 'Error: could not start' >&2\nexit 1\n")
    dies.chmod(0o755)
    spec_text = json.dumps({"argv": [str(dies), "-Xmx1g", "-jar", "{resource_dir}/kernel.jar",
                                     "{connection_file}"], "display_name": "broken", "language": "java"})
    (folder / "kernel.json").write_text(spec_text)
    problem = create_class_archive(tmp_path / "kernels", "broken", timeout=30)
    assert problem is not None and "recording run failed" in problem
    assert "Error: could not start" in problem  # the kernel's own last words
    assert (folder / "kernel.json").read_text() == spec_text
    assert not (folder / CLASS_ARCHIVE).exists()


def test_installer_refuses_a_heap_that_is_not_a_jvm_size(tmp_path):
    result = run_installer(tmp_path, "--prefix", str(tmp_path / "p"), "--heap", "lots")
    assert result.returncode == 2
    assert "--heap expects a JVM size such as 1g or 768m, found 'lots'" in result.stderr


def test_installer_says_to_build_the_library_first(tmp_path):
    project = tmp_path / "project"
    project.mkdir()
    (project / "pom.xml").write_text((PROJECT / "pom.xml").read_text(encoding="utf-8"), encoding="utf-8")
    result = run_installer(tmp_path, "--prefix", str(tmp_path / "p"), "--project", str(project))
    assert result.returncode != 0
    assert "build the library first (mvn -DskipTests package)" in result.stderr


def fake_java(tmp_path, version, modules):
    script = tmp_path / "java"
    script.write_text(
        "#!/bin/sh\n"
        f'if [ "$1" = "--list-modules" ]; then printf "{modules}\\n"; exit 0; fi\n'
        f'echo "    java.specification.version = {version}" >&2\n'
    )
    script.chmod(0o755)
    return script


def test_an_old_java_is_refused_naming_its_version(tmp_path):
    with pytest.raises(SystemExit, match=r"is Java 11; the kernels need a JDK 17 or newer"):
        check_java(fake_java(tmp_path, "11", "java.base@11\\njdk.jshell@11"))


def test_a_java_without_jshell_is_refused(tmp_path):
    with pytest.raises(SystemExit, match=r"has no jdk.jshell module: the kernels need a full JDK"):
        check_java(fake_java(tmp_path, "17", "java.base@17"))


def test_a_jdk_17_or_newer_is_accepted(tmp_path):
    assert check_java(fake_java(tmp_path, "25", "java.base@25\\njdk.jshell@25")) == "25"
