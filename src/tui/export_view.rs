//! The export view on Review (`x`): the plan as AWS CLI commands, a CloudFormation template or
//! Terraform configuration, ←→ to switch, `s` to save it beside the user (never over a file).
//! Pure: saving is an [`Effect`] the app runs.

use ratatui::crossterm::event::{KeyCode, KeyEvent};

use super::wizard::Effect;
use crate::export::{self, ExportError, Format};
use crate::plan::Plan;

/// What the view shows.
#[derive(Debug, Clone, PartialEq)]
pub struct ExportView {
    pub format: Format,
    /// The output, or why there is none.
    pub text: String,
    /// The file `s` saves to (or the first free `NAME-2.EXT`, `NAME-3.EXT`...).
    pub file: String,
    pub scroll: u16,
    /// Where `s` saved the output (or why it did not), shown on the view's bottom border.
    pub note: Option<String>,
    /// The text is the output (not why there is none): `s` may save it.
    pub exportable: bool,
}

impl ExportView {
    /// The view of `plan` in `format`; a plan with problems shows them instead, as `export` does.
    pub fn open(plan: &Plan, format: Format) -> ExportView {
        let problems: Vec<String> = crate::plan::validate::validate(plan)
            .iter()
            .filter(|p| p.severity == crate::plan::validate::Severity::Error)
            .map(|p| crate::plan::sanitize(&p.to_string()))
            .collect();
        let (text, exportable) = if !problems.is_empty() {
            (format!("{}\n\n{}", t!("export-view-problems"), problems.join("\n")), false)
        } else {
            match export::export(plan, format) {
                Ok(t) => (t, true),
                Err(ExportError::Token(token)) => (t!("export-token", token = token), false),
                Err(ExportError::Request(e)) => (t!("request-not-yet", error = e), false),
            }
        };
        ExportView { format, text, file: format.file_name(plan), scroll: 0, note: None, exportable }
    }

    /// The format's name as the title shows it.
    pub fn label(format: Format) -> &'static str {
        match format {
            Format::Cli => "AWS CLI (bash)",
            Format::CloudFormation => "CloudFormation",
            Format::Terraform => "Terraform",
        }
    }
}

/// A key in the view: the view as it stays (`None`: closed) and what to do.
pub fn key(v: ExportView, plan: &Plan, k: KeyEvent) -> (Option<ExportView>, Vec<Effect>) {
    let step = |by: isize| {
        let all = Format::ALL;
        let i = all.iter().position(|f| *f == v.format).unwrap_or(0) as isize;
        all[(i + by).rem_euclid(all.len() as isize) as usize]
    };
    match k.code {
        KeyCode::Right | KeyCode::Tab => (Some(ExportView::open(plan, step(1))), Vec::new()),
        KeyCode::Left | KeyCode::BackTab => (Some(ExportView::open(plan, step(-1))), Vec::new()),
        KeyCode::Char('s') if v.exportable => {
            let fx = Effect::SaveExport { file: v.file.clone(), text: v.text.clone() };
            (Some(v), vec![fx])
        }
        KeyCode::Char('s') => (Some(ExportView { note: Some(t!("export-view-nothing-to-save")), ..v }), Vec::new()),
        _ => match super::widgets::scroll_key(v.scroll, v.text.lines().count() as u16, &k) {
            Some(scroll) => (Some(ExportView { scroll, ..v }), Vec::new()),
            None => (None, Vec::new()),
        },
    }
}

/// `file`, or the first of `NAME-2.EXT`, `NAME-3.EXT`... that does not exist: the candidates in order.
pub fn candidates(file: &str) -> impl Iterator<Item = String> + '_ {
    let (stem, ext) = file.rsplit_once('.').unwrap_or((file, ""));
    std::iter::once(file.to_owned())
        .chain((2..=99).map(move |n| if ext.is_empty() { format!("{stem}-{n}") } else { format!("{stem}-{n}.{ext}") }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::crossterm::event::KeyModifiers;

    fn k(code: KeyCode) -> KeyEvent {
        KeyEvent::new(code, KeyModifiers::NONE)
    }

    #[test]
    fn arrows_switch_the_format_and_wrap_and_s_saves_what_is_shown() {
        let plan = Plan::lab("abcd1234");
        let v = ExportView::open(&plan, Format::Cli);
        assert!(v.text.starts_with("#!/usr/bin/env bash"));
        assert_eq!(v.file, "retail-trans.sh");
        let (v, fx) = key(v, &plan, k(KeyCode::Right));
        let v = v.unwrap();
        assert!(fx.is_empty());
        assert_eq!((v.format, v.file.as_str()), (Format::CloudFormation, "retail-trans.yaml"));
        let (v, _) = key(v, &plan, k(KeyCode::Right));
        assert_eq!(v.as_ref().unwrap().format, Format::Terraform);
        let (v, _) = key(v.unwrap(), &plan, k(KeyCode::Right));
        assert_eq!(v.as_ref().unwrap().format, Format::Cli, "wraps");
        let (v, _) = key(v.unwrap(), &plan, k(KeyCode::Left));
        let v = v.unwrap();
        assert_eq!(v.format, Format::Terraform);
        let (v, _) = key(v, &plan, k(KeyCode::PageDown));
        let v = v.unwrap();
        assert_eq!(v.scroll, 10);
        let (same, fx) = key(v.clone(), &plan, k(KeyCode::Char('s')));
        assert_eq!(same, Some(v.clone()));
        assert!(matches!(&fx[..], [Effect::SaveExport { file, text }] if file == "retail-trans.tf" && *text == v.text));
        assert_eq!(key(v, &plan, k(KeyCode::Esc)).0, None);
    }

    #[test]
    fn a_plan_with_problems_shows_them_and_saves_nothing() {
        let mut plan = Plan::lab("abcd1234");
        plan.settings.buffer_size_mib = 0;
        let v = ExportView::open(&plan, Format::Terraform);
        assert!(!v.exportable);
        assert!(v.text.contains("settings.buffer_size_mib"), "{}", v.text);
        let (v, fx) = key(v, &plan, k(KeyCode::Char('s')));
        assert!(fx.is_empty());
        assert!(v.unwrap().note.is_some());
    }

    #[test]
    fn a_saved_file_never_replaces_another() {
        let c: Vec<String> = candidates("retail-trans.sh").take(3).collect();
        assert_eq!(c, ["retail-trans.sh", "retail-trans-2.sh", "retail-trans-3.sh"]);
        assert_eq!(candidates("a.b.tf").nth(1).unwrap(), "a.b-2.tf");
    }
}
