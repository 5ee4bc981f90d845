//! Step 2: the Lambda transform and record format conversion, each Disabled (as in the workshop)
//! until switched on, when its details appear.

use ratatui::Frame;
use ratatui::layout::Rect;

use super::{draw_fields, note};
use crate::tui::theme::Theme;
use crate::tui::wizard::{Field, Model};

pub fn draw(f: &mut Frame, area: Rect, m: &Model, t: &Theme) {
    let w = area.width;
    draw_fields(f, area, m, t, |field, lines| {
        match field {
        Field::Lambda if m.choice(Field::Lambda) == 0 => lines.extend(note(
            "calls a Lambda function on each batch of records to transform them before delivery",
            w,
            t,
        )),
        Field::LambdaArn => lines.extend(note(
            "the role gets lambda:InvokeFunction and lambda:GetFunctionConfiguration on exactly this ARN",
            w,
            t,
        )),
        Field::FormatConversion if m.choice(Field::FormatConversion) == 0 => lines.extend(note(
            "converts JSON records to Apache Parquet or ORC with the schema of an AWS Glue table",
            w,
            t,
        )),
        Field::FormatConversion => lines.extend(note(
            "needs a buffer of at least 64 MiB and compression UNCOMPRESSED (the serializer compresses): Ctrl-F sets them",
            w,
            t,
        )),
        _ => {}
    }
    });
}
