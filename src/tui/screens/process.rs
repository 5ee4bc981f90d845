//! Step 2: the Lambda transform and record format conversion, each Disabled (as in the workshop)
//! until switched on, when its details appear.

use ratatui::Frame;
use ratatui::layout::Rect;

use super::{draw_fields, note};
use crate::tui::theme::Theme;
use crate::tui::wizard::{Field, Model};

pub fn draw(f: &mut Frame, area: Rect, m: &Model, t: &Theme) {
    let w = area.width;
    draw_fields(f, area, m, t, |field, lines| match field {
        Field::Lambda if m.choice(Field::Lambda) == 0 => lines.extend(note(&t!("note-lambda"), w, t)),
        Field::LambdaArn => lines.extend(note(&t!("note-lambda-arn"), w, t)),
        Field::FormatConversion if m.choice(Field::FormatConversion) == 0 => {
            lines.extend(note(&t!("note-conversion"), w, t))
        }
        Field::FormatConversion => lines.extend(note(&t!("note-conversion-floors"), w, t)),
        Field::Decompression => lines.extend(note(&t!("note-decompression"), w, t)),
        Field::MessageExtraction => lines.extend(note(&t!("note-message-extraction"), w, t)),
        _ => {}
    });
}
