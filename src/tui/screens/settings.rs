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
            lines.extend(note(&t!("note-floors", fixes = fixes.join(", ")), w, t))
        }
        Field::ErrorLogging if m.choice(Field::ErrorLogging) == 1 => {
            let plan = m.plan();
            lines.extend(note(
                &t!(
                    "note-log-group",
                    group = request::log_group(&plan),
                    streams = request::log_streams(&plan).join(", ")
                ),
                w,
                t,
            ))
        }
        Field::RoleName if m.choice(Field::RoleMode) == 1 => {
            let list = m.list(ListKind::Roles);
            let trusted = list.items.iter().filter(|i| i.rank == 0).count();
            let text = if list.loading {
                t!("note-roles-loading", count = list.items.len())
            } else {
                t!("note-roles", count = list.items.len(), trusted = trusted)
            };
            lines.extend(note(&text, w, t));
            match &m.role_check {
                RoleCheck::Checking { name, .. } if name == m.text(Field::RoleName) => {
                    lines.extend(note(&t!("note-role-reading"), w, t))
                }
                RoleCheck::Checked { name, findings: f }
                    if name == m.text(Field::RoleName) && f.trusted && f.missing.is_empty() && f.extras.is_empty() =>
                {
                    lines.push(Line::from(Span::styled(t!("note-role-ok"), t.ok)))
                }
                _ => {}
            }
        }
        Field::RoleName => match &m.role_check {
            // a role of that name exists: it is reused, as the console reuses firehose_delivery_role
            RoleCheck::Checked { name, findings: f } if name == m.text(Field::RoleName) && f.exists => {
                if f.trusted && f.extras.is_empty() {
                    lines.extend(note(&t!("note-role-reused"), w, t))
                }
            }
            RoleCheck::Checking { name, .. } if name == m.text(Field::RoleName) => {
                lines.extend(note(&t!("note-role-reading"), w, t))
            }
            _ => lines.extend(note(&t!("note-role-new"), w, t)),
        },
        _ => {}
    });
}
