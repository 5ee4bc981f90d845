//! Step 4: buffering, compression, encryption, error logging, tags and the IAM role (new
//! `firehose_delivery_role`, or existing from a live list where roles that trust Firehose come first,
//! checked against what this stream needs).

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::{draw_fields, note};
use crate::plan::request;
use crate::tui::theme::Theme;
use crate::tui::wizard::{Field, ListKind, Model, RoleCheck};

pub fn draw(f: &mut Frame, area: Rect, m: &Model, t: &Theme) {
    let w = area.width;
    let fixes = crate::tui::wizard::floor_fixes(m);
    draw_fields(f, area, m, t, |field, lines| match field {
        Field::BufferSize if !fixes.is_empty() => {
            lines.extend(note(&format!("the options chosen need {}: Ctrl-F sets them", fixes.join(", ")), w, t))
        }
        Field::ErrorLogging if m.choice(Field::ErrorLogging) == 1 => {
            let plan = m.plan();
            lines.extend(note(
                &format!(
                    "log group {} (stream {}), created if missing",
                    request::log_group(&plan),
                    request::log_streams(&plan).join(", ")
                ),
                w,
                t,
            ))
        }
        Field::RoleName if m.choice(Field::RoleMode) == 1 => {
            let list = m.list(ListKind::Roles);
            let trusted = list.items.iter().filter(|i| i.rank == 0).count();
            let text = if list.loading {
                format!("listing roles… {} so far", list.items.len())
            } else {
                format!("{} role(s), {trusted} trust Firehose (↓ to choose)", list.items.len())
            };
            lines.extend(note(&text, w, t));
            match &m.role_check {
                RoleCheck::Checking { name, .. } if name == m.text(Field::RoleName) => {
                    lines.extend(note("reading the role's policies…", w, t))
                }
                RoleCheck::Checked { name, trusted: true, missing }
                    if name == m.text(Field::RoleName) && missing.is_empty() =>
                {
                    lines.push(Line::from(Span::styled(
                        "    ✓ trusts Firehose; its policies grant what this stream needs",
                        t.ok,
                    )))
                }
                _ => {}
            }
        }
        Field::RoleName => lines.extend(note(
            "created (or reused if it trusts Firehose) with least-privilege access to this stream only",
            w,
            t,
        )),
        _ => {}
    });
}
