//! `import NAME [-o FILE] [--force] [--lossy]`: an existing delivery stream as a plan file.

use std::path::Path;
use std::time::Duration;

use super::{EXIT_INPUT, EXIT_PROBLEMS, fail, runtime};
use crate::cloud::{Options, inventory};
use crate::plan::{import, names, sanitize};
use crate::tell;

/// Options of `import`.
#[derive(Debug, Clone, Copy, Default)]
pub struct ImportOptions<'a> {
    pub output: Option<&'a Path>,
    pub force: bool,
    pub lossy: bool,
}

pub fn cmd_import(opts: &Options, name: &str, o: ImportOptions, log: Option<&Path>) -> u8 {
    let imported = match read(opts, name, log) {
        Ok(i) => i,
        Err(code) => return code,
    };
    tracing::info!(stream = name, lost = imported.lost.len(), lossy = o.lossy, "imported");
    for item in imported.lost.iter().map(ToString::to_string) {
        if o.lossy {
            tell!("{}", t!("import-lost-warning", item = item));
        } else {
            tell!("{}", t!("import-lost-error", item = item));
        }
    }
    if !imported.lost.is_empty() && !o.lossy {
        tell!("{}", t!("import-lossy-hint", count = imported.lost.len(), name = sanitize(name)));
        return EXIT_PROBLEMS;
    }
    super::plans::write_output(o.output, &imported.plan.to_json_pretty(), o.force, |path| {
        t!("export-wrote", path = path)
    })
}

/// `--from-stream NAME`: the wizard's starting plan, a copy of the stream with the name left empty
/// and this stream's policy put on the role (the copy logs to its own log group), and what the copy
/// leaves out.
pub fn for_clone(opts: &Options, name: &str, log: Option<&Path>) -> Result<import::Imported, u8> {
    let mut imported = read(opts, name, log)?;
    imported.plan.name.clear();
    imported.plan.settings.add_policy_to_role = true;
    tracing::info!(stream = name, lost = imported.lost.len(), "cloned");
    Ok(imported)
}

/// The stream's plan, or the exit code after saying why there is none.
fn read(opts: &Options, name: &str, log: Option<&Path>) -> Result<import::Imported, u8> {
    if let Err(m) = names::delivery_stream_name(name) {
        tell!("{}", t!("cli-error", error = format!("NAME: {}", sanitize(&m.to_string()))));
        return Err(EXIT_INPUT);
    }
    let rt = runtime()?;
    let read = rt.block_on(async {
        let cloud = super::connect(opts).await?;
        inventory::delivery_stream_with_tags(&cloud, name).await
    });
    rt.shutdown_timeout(Duration::from_millis(200));
    let (d, tags) = match read {
        Ok(Some(found)) => found,
        Ok(None) => {
            tell!("{}", t!("import-not-found", name = sanitize(name)));
            return Err(EXIT_PROBLEMS);
        }
        Err(e) => return Err(fail(&e, log)),
    };
    import::plan_of(&d, &tags).map_err(|m| {
        tell!("{}", t!("cli-error", error = m.to_string()));
        EXIT_PROBLEMS
    })
}
