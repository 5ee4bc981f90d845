//! Step 3: the S3 bucket (new, pre-filled with a unique lab-style name, or existing from a live list),
//! dynamic partitioning, the two prefixes with the S3 key each produces (updated as you type, in the
//! chosen time zone, with partition keys taken from the sample record), file extension, time zone and
//! source record backup.

use chrono::{DateTime, Utc};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::{draw_fields, note};
use crate::tui::theme::Theme;
use crate::tui::widgets::hard_wrap;
use crate::tui::wizard::{Field, Model};

pub fn draw(f: &mut Frame, area: Rect, m: &Model, t: &Theme, now: DateTime<Utc>) {
    let examples = m.examples(now);
    let w = area.width as usize - 7;
    let example_lines = |key: &str| -> Vec<Line<'static>> {
        hard_wrap(key, w)
            .into_iter()
            .take(2)
            .enumerate()
            .map(|(i, l)| Line::from(Span::styled(format!("    {} {l}", if i == 0 { "→" } else { " " }), t.ok)))
            .collect()
    };
    draw_fields(f, area, m, t, |field, lines| match field {
        Field::Bucket if m.choice(Field::BucketMode) == 1 => {
            lines.extend(note(&t!("note-choose-bucket"), area.width, t))
        }
        Field::Dynamic if m.choice(Field::Dynamic) == 1 => lines.extend(note(&t!("note-partitioning"), area.width, t)),
        Field::PartitionKeys => lines.extend(note(&t!("note-partition-keys"), area.width, t)),
        Field::Prefix => {
            if let Some(ex) = &examples {
                lines.extend(example_lines(&ex.prefix));
            }
        }
        Field::ErrorPrefix => {
            if let Some(e) = examples.as_ref().and_then(|ex| ex.error_prefix.as_ref()) {
                lines.extend(example_lines(e));
            }
        }
        _ => {}
    });
}
