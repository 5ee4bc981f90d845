//! Step 2: the two processing options, shown for what they are and left Disabled (as in the workshop).

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::{FieldLines, draw_form, field_row};
use crate::tui::theme::Theme;
use crate::tui::wizard::{Field, Model};

pub fn draw(f: &mut Frame, area: Rect, m: &Model, t: &Theme) {
    let option = |field: Field, what: &'static str| {
        let mut fl = FieldLines {
            lines: vec![field_row(
                m,
                field,
                vec![Span::styled("(•) Disabled  ", t.value), Span::styled("( ) Enabled", t.dim)],
                t,
            )],
            cursor: None,
        };
        for l in super::word_wrap(what, area.width as usize - 6) {
            fl.lines.push(Line::from(Span::styled(format!("    {l}"), t.dim)));
        }
        fl
    };
    draw_form(
        f,
        area,
        m,
        vec![
            (
                Field::Lambda,
                option(
                    Field::Lambda,
                    "Calls a Lambda function on each batch of records to transform them before delivery. Not available in this version: it stays Disabled, as the workshop leaves it.",
                ),
            ),
            (
                Field::FormatConversion,
                option(
                    Field::FormatConversion,
                    "Converts JSON records to Apache Parquet or ORC with a schema from AWS Glue. Not available in this version: it stays Disabled, as the workshop leaves it.",
                ),
            ),
        ],
    );
}
