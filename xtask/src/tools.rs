//! Installing the web toolchain from the package registries, each piece only when missing.
//!
//! Versions are pinned where a mismatch breaks the build: Trunk 0.22 needs a newer rustc,
//! wasm-bindgen-cli must equal the wasm-bindgen in Cargo.lock, and Debian's binaryen (108)
//! silently produces a broken module, so wasm-opt comes from npm into target/tools.

use std::path::{Path, PathBuf};

use crate::run::Project;

const WASM_TARGET: &str = "wasm32-unknown-unknown";
const TRUNK_VERSION: &str = "0.21.14";
const BINARYEN_NPM: &str = "binaryen@132.0.0";
/// What `wasm-opt --version` says for that package; Trunk.toml asks for `version_132`.
const WASM_OPT_VERSION: &str = "version 132";

pub const CHROMIUM: &str = "/usr/bin/chromium";
pub const CHROMEDRIVER: &str = "/usr/bin/chromedriver";

/// Where npm puts wasm-opt; on PATH for every command xtask runs.
pub fn node_bin(root: &Path) -> PathBuf {
    tools_dir(root).join("node_modules").join(".bin")
}

fn tools_dir(root: &Path) -> PathBuf {
    root.join("target").join("tools")
}

/// Everything `trunk build` needs, then the crates for an offline build.
pub fn ensure_build_tools(project: &Project) -> Result<(), String> {
    ensure_wasm_target(project)?;
    ensure_trunk(project)?;
    ensure_wasm_bindgen(project)?;
    ensure_wasm_opt(project)?;
    // Trunk builds with `--offline` (Trunk.toml), so every crate must be downloaded first.
    project.run("cargo", &["fetch"])
}

fn ensure_wasm_target(project: &Project) -> Result<(), String> {
    let installed = project
        .command("rustup", &["target", "list", "--installed"])
        .output()
        .map_err(|e| format!("cannot run rustup ({e}); install rustup from https://rustup.rs"))?;
    if String::from_utf8_lossy(&installed.stdout)
        .lines()
        .any(|line| line.trim() == WASM_TARGET)
    {
        return Ok(());
    }
    project.run("rustup", &["target", "add", WASM_TARGET])
}

fn ensure_trunk(project: &Project) -> Result<(), String> {
    let wanted = format!("trunk {TRUNK_VERSION}");
    if project.output_line("trunk", &["--version"]).as_deref() == Some(wanted.as_str()) {
        return Ok(());
    }
    project.run(
        "cargo",
        &["install", "--locked", "trunk", "--version", TRUNK_VERSION],
    )
}

/// wasm-bindgen-cli (with wasm-bindgen-test-runner) at exactly the version in Cargo.lock.
/// Installed without `--locked`: its own lockfile pins a crate version the registry lacks.
fn ensure_wasm_bindgen(project: &Project) -> Result<(), String> {
    let version = locked_version(&project.root, "wasm-bindgen")?;
    let wanted = format!("wasm-bindgen {version}");
    let runner = format!("wasm-bindgen-test-runner {version}");
    if project
        .output_line("wasm-bindgen", &["--version"])
        .as_deref()
        == Some(wanted.as_str())
        && project
            .output_line("wasm-bindgen-test-runner", &["--version"])
            .as_deref()
            == Some(runner.as_str())
    {
        return Ok(());
    }
    project.run(
        "cargo",
        &["install", "wasm-bindgen-cli", "--version", &version],
    )
}

fn ensure_wasm_opt(project: &Project) -> Result<(), String> {
    let found = project.output_line("wasm-opt", &["--version"]);
    let local = node_bin(&project.root).join("wasm-opt");
    if local.exists() && found.is_some_and(|line| line.contains(WASM_OPT_VERSION)) {
        return Ok(());
    }
    npm_install(project, BINARYEN_NPM, "wasm-opt")
}

/// An npm package for a benchmark (`name@version`) in target/tools; the path of `file` in it
/// (relative to node_modules).
pub fn ensure_npm_package(project: &Project, package: &str, file: &str) -> Result<PathBuf, String> {
    let path = tools_dir(&project.root).join("node_modules").join(file);
    if path.is_file() {
        return Ok(path);
    }
    npm_install(project, package, "a benchmark")?;
    if path.is_file() {
        Ok(path)
    } else {
        Err(format!(
            "npm installed {package} but {} is missing",
            path.display()
        ))
    }
}

/// `npm install package` into target/tools, installing npm from Debian first when missing;
/// `what` says in the error what npm was needed for.
fn npm_install(project: &Project, package: &str, what: &str) -> Result<(), String> {
    if project.output_line("npm", &["--version"]).is_none() {
        let why = format!("npm (Node.js) to install {what}");
        install_debian_packages(project, &["npm"], &why)?;
    }
    let dir = tools_dir(&project.root);
    let dir = dir.to_str().ok_or("the repository path is not UTF-8")?;
    project.run(
        "npm",
        &[
            "install",
            "--no-audit",
            "--no-fund",
            "--prefix",
            dir,
            package,
        ],
    )
}

/// The version of `package` that Cargo.lock resolved.
fn locked_version(root: &Path, package: &str) -> Result<String, String> {
    let lock = std::fs::read_to_string(root.join("Cargo.lock"))
        .map_err(|e| format!("cannot read Cargo.lock ({e}); run `cargo generate-lockfile`"))?;
    let name_line = format!("name = \"{package}\"");
    let mut lines = lock.lines();
    while let Some(line) = lines.next() {
        if line.trim() == name_line {
            if let Some(version) = lines
                .next()
                .and_then(|l| l.trim().strip_prefix("version = "))
            {
                return Ok(version.trim_matches('"').to_string());
            }
        }
    }
    Err(format!("Cargo.lock has no package `{package}`"))
}

/// Chromium, its driver, and a font with Vietnamese letters, for the browser tests.
pub fn ensure_browser(project: &Project) -> Result<(), String> {
    if !Path::new(CHROMIUM).exists() || !Path::new(CHROMEDRIVER).exists() {
        install_debian_packages(
            project,
            &["chromium", "chromium-driver"],
            "Chromium and its driver",
        )?;
    }
    // Without such a font headless Chromium draws Vietnamese letters as boxes.
    let vietnamese_fonts = project.output_line("fc-list", &[":lang=vi", "family"]);
    if vietnamese_fonts.is_some_and(|first| first.is_empty()) {
        install_debian_packages(
            project,
            &["fonts-dejavu-core"],
            "a font with Vietnamese letters",
        )?;
    }
    Ok(())
}

/// LibreOffice (Writer, no GUI) and poppler's pdftotext: the .docx test converts the official
/// document to PDF the way an office would open it and reads the text back.
pub fn ensure_document_tools(project: &Project) -> Result<(), String> {
    let has = |program: &str, arg: &str| project.output_line(program, &[arg]).is_some();
    if !has("soffice", "--version") || !has("pdftotext", "-v") {
        install_debian_packages(
            project,
            &[
                "libreoffice-writer-nogui",
                "poppler-utils",
                "fonts-liberation2",
            ],
            "LibreOffice Writer and poppler-utils for the .docx test",
        )?;
    }
    Ok(())
}

/// Installs Debian packages when we are root; otherwise says what to install.
fn install_debian_packages(project: &Project, packages: &[&str], what: &str) -> Result<(), String> {
    let is_root = project.output_line("id", &["-u"]).as_deref() == Some("0");
    if !is_root || project.output_line("apt-get", &["--version"]).is_none() {
        return Err(format!(
            "{what} missing: install the Debian packages `{}` (as root: apt-get install -y {})",
            packages.join(" "),
            packages.join(" ")
        ));
    }
    let apt = |args: &[&str]| {
        let mut command = project.command("apt-get", args);
        command.env("DEBIAN_FRONTEND", "noninteractive");
        project.run_command("apt-get", args, command)
    };
    apt(&["update"])?;
    apt(&[&["install", "-y"], packages].concat())
}
