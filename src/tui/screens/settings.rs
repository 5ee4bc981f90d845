//! Step 4: buffering, compression and the IAM role (new `firehose_delivery_role`, or existing from a
//! live list where roles that trust Firehose come first).

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::{choice_field, draw_form, text_field};
use crate::plan::validate::COMPRESSION_FORMATS;
use crate::tui::theme::Theme;
use crate::tui::wizard::{Field, ListKind, Model};

pub fn draw(f: &mut Frame, area: Rect, m: &Model, t: &Theme) {
    let problems = m.problems();
    let size = text_field(m, Field::BufferSize, area.width, &problems, "MiB", t);
    let interval = text_field(m, Field::BufferInterval, area.width, &problems, "seconds", t);
    let compression = super::FieldLines {
        lines: vec![super::field_row(
            m,
            Field::Compression,
            vec![
                Span::styled(format!("‹ {} ›", COMPRESSION_FORMATS[m.compression]), t.value),
                Span::styled("  ←→ to change", t.dim),
            ],
            t,
        )],
        cursor: None,
    };
    let role_mode = choice_field(m, Field::RoleMode, &["Create new", "Choose existing"], m.role_existing as usize, t);
    let mut role = text_field(m, Field::RoleName, area.width, &problems, "↓ to choose from your roles", t);
    let note = if m.role_existing {
        let list = m.list(ListKind::Roles);
        let trusted = list.items.iter().filter(|i| i.rank == 0).count();
        if list.loading {
            format!("    listing roles… {} so far", list.items.len())
        } else {
            format!("    {} role(s), {trusted} trust Firehose; used as they are (↓ to choose)", list.items.len())
        }
    } else {
        "    created (or reused if it trusts Firehose) with least-privilege access to this stream only".into()
    };
    role.lines.push(Line::from(Span::styled(note, t.dim)));
    draw_form(
        f,
        area,
        m,
        vec![
            (Field::BufferSize, size),
            (Field::BufferInterval, interval),
            (Field::Compression, compression),
            (Field::RoleMode, role_mode),
            (Field::RoleName, role),
        ],
    );
}
