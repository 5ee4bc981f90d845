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
                    lines.push(Line::from(Span::styled("    checking that the name is free…", t.dim)))
                }
                NameCheck::Free(n) if n == name => {
                    lines.push(Line::from(Span::styled("    ✓ free in this account and Region", t.ok)))
                }
                _ => {}
            }
        }
        Field::SourceKind => match m.choice(Field::SourceKind) {
            0 => lines.extend(note("producers write with Firehose PutRecord / PutRecordBatch", w, t)),
            2 => lines.extend(note(
                "created before the delivery stream, and waited on until ACTIVE (about a minute in AWS)",
                w,
                t,
            )),
            _ => {}
        },
        Field::KinesisStream if m.choice(Field::SourceKind) == 1 => {
            let list = m.list(ListKind::Streams);
            let info = if let Some(e) = &list.error {
                format!("could not list streams: {}", crate::tui::widgets::fit(e, w as usize - 30))
            } else if list.loading {
                format!("listing streams… {} so far (↓ to choose)", list.items.len())
            } else {
                let active = list.items.iter().filter(|i| i.selectable).count();
                format!("{} stream(s) in this Region, {active} ACTIVE (↓ to choose)", list.items.len())
            };
            lines.extend(note(&info, w, t));
        }
        Field::StreamMode => lines.extend(note(
            if m.choice(Field::StreamMode) == 0 {
                "on-demand: capacity follows the traffic, billed per GB"
            } else {
                "provisioned: a fixed number of shards, 1 MB/s in and 2 MB/s out each"
            },
            w,
            t,
        )),
        _ => {}
    });
}
