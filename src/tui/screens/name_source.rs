//! Step 1: the delivery stream's name (live rule check; on Next, a check that it is free) and its source.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::{choice_field, draw_form, text_field};
use crate::tui::theme::Theme;
use crate::tui::wizard::{Field, ListKind, Model, NameCheck};

pub fn draw(f: &mut Frame, area: Rect, m: &Model, t: &Theme) {
    let problems = m.problems();
    let mut name = text_field(m, Field::Name, area.width, &problems, "1–64 of a-z A-Z 0-9 _ . -", t);
    let note = match &m.name_check {
        NameCheck::Checking { name, .. } if name == m.name.value() => {
            Some(("    checking that the name is free…", t.dim))
        }
        NameCheck::Free(n) if n == m.name.value() => Some(("    ✓ free in this account and Region", t.ok)),
        _ => None,
    };
    if let Some((text, style)) = note {
        name.lines.push(Line::from(Span::styled(text, style)));
    }
    let source = choice_field(m, Field::SourceKind, &["Direct PUT", "Kinesis Data Stream"], m.kinesis as usize, t);
    let mut fields = vec![(Field::Name, name), (Field::SourceKind, source)];
    if m.kinesis {
        let mut stream = text_field(m, Field::KinesisStream, area.width, &problems, "name or ARN; ↓ to choose", t);
        let list = m.list(ListKind::Streams);
        let info = if let Some(e) = &list.error {
            format!("    could not list streams: {}", crate::tui::widgets::fit(e, area.width as usize - 30))
        } else if list.loading {
            format!("    listing streams… {} so far (↓ to choose)", list.items.len())
        } else {
            let active = list.items.iter().filter(|i| i.selectable).count();
            format!("    {} stream(s) in this Region, {active} ACTIVE (↓ to choose)", list.items.len())
        };
        stream.lines.push(Line::from(Span::styled(info, t.dim)));
        fields.push((Field::KinesisStream, stream));
    } else {
        // not a field: an explanation under the choice
        fields[1]
            .1
            .lines
            .push(Line::from(Span::styled("    producers write with Firehose PutRecord / PutRecordBatch", t.dim)));
    }
    draw_form(f, area, m, fields);
}
