//! Step 1: the delivery stream's name (live rule check; on Next, a check that it is free) and its
//! source: Direct PUT, an existing Kinesis stream (from a live list), or a new one created first.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::{draw_fields, note};
use crate::tui::theme::Theme;
use crate::tui::wizard::{Field, ListKind, Model, NameCheck};

pub fn draw(f: &mut Frame, area: Rect, m: &Model, t: &Theme) {
    let w = area.width;
    draw_fields(f, area, m, t, |field, lines| match field {
        Field::Name => {
            let name = m.text(Field::Name);
            match &m.name_check {
                NameCheck::Checking { name: n, .. } if n == name => {
                    lines.push(Line::from(Span::styled(t!("note-name-checking"), t.dim)))
                }
                NameCheck::Free(n) if n == name => lines.push(Line::from(Span::styled(t!("note-name-free"), t.ok))),
                _ => {}
            }
        }
        Field::SourceKind => match m.choice(Field::SourceKind) {
            0 => lines.extend(note(&t!("note-direct-put"), w, t)),
            2 => lines.extend(note(&t!("note-new-kinesis"), w, t)),
            _ => {}
        },
        Field::KinesisStream if m.choice(Field::SourceKind) == 1 => {
            let list = m.list(ListKind::Streams);
            let info = if let Some(e) = &list.error {
                t!("note-streams-failed", error = crate::tui::widgets::fit(e, w as usize - 30))
            } else if list.loading {
                t!("note-streams-loading", count = list.items.len())
            } else {
                let active = list.items.iter().filter(|i| i.selectable).count();
                t!("note-streams", count = list.items.len(), active = active)
            };
            lines.extend(note(&info, w, t));
        }
        Field::StreamMode => lines.extend(note(
            &if m.choice(Field::StreamMode) == 0 { t!("note-on-demand") } else { t!("note-provisioned") },
            w,
            t,
        )),
        _ => {}
    });
}
