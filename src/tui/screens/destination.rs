//! Step 3: the S3 bucket (new, pre-filled with a unique lab-style name, or existing from a live list)
//! and the two prefixes, with the S3 key each produces, updated as you type.

use chrono::{DateTime, Utc};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::{choice_field, draw_form, text_field};
use crate::tui::theme::Theme;
use crate::tui::widgets::hard_wrap;
use crate::tui::wizard::{Field, Model};

pub fn draw(f: &mut Frame, area: Rect, m: &Model, t: &Theme, now: DateTime<Utc>) {
    let problems = m.problems();
    let mode = choice_field(m, Field::BucketMode, &["Create new", "Choose existing"], m.bucket_existing as usize, t);
    let hint = if m.bucket_existing { "↓ to choose from your buckets" } else { "3–63 of a-z 0-9 . -" };
    let bucket = text_field(m, Field::Bucket, area.width, &problems, hint, t);
    let mut prefix =
        text_field(m, Field::Prefix, area.width, &problems, "empty: yyyy/MM/dd/HH/ · Ctrl-T: lab prefixes", t);
    let mut error_prefix =
        text_field(m, Field::ErrorPrefix, area.width, &problems, "needed when the prefix has !{...}", t);
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
    if let Some(ex) = &examples {
        prefix.lines.extend(example_lines(&ex.prefix));
        if let Some(e) = &ex.error_prefix {
            error_prefix.lines.extend(example_lines(e));
        }
    }
    draw_form(
        f,
        area,
        m,
        vec![
            (Field::BucketMode, mode),
            (Field::Bucket, bucket),
            (Field::Prefix, prefix),
            (Field::ErrorPrefix, error_prefix),
        ],
    );
}
