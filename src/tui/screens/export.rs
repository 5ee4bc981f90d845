//! The export view over Review: the formats as tabs in the title (the chosen one in brackets and
//! highlighted), the output below, scrolled; its keys are in the footer.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};

use crate::export::Format;
use crate::tui::export_view::ExportView;
use crate::tui::theme::Theme;
use crate::tui::widgets::hard_wrap;

pub fn draw(f: &mut Frame, area: Rect, v: &ExportView, t: &Theme) {
    let rect = Rect { x: area.x + 2, y: area.y + 1, width: area.width - 4, height: area.height - 2 };
    crate::tui::widgets::clear(f, rect);
    let mut title = vec![Span::raw(" ")];
    for format in Format::ALL {
        let label = ExportView::label(format);
        if format == v.format {
            title.push(Span::styled(format!("[{label}]"), t.focus));
        } else {
            title.push(Span::styled(format!(" {label} "), t.label));
        }
        title.push(Span::raw(" "));
    }
    let total = v.text.lines().count();
    title.push(Span::styled(t!("export-view-lines", line = v.scroll as usize + 1, lines = total), t.title));
    let mut block = Block::default().borders(Borders::ALL).border_style(t.border).title(Line::from(title));
    if let Some(note) = &v.note {
        let room = rect.width.saturating_sub(4) as usize;
        block = block.title_bottom(Span::styled(format!(" {} ", crate::text::fit(note, room)), t.ok));
    }
    let inner_w = rect.width.saturating_sub(2) as usize;
    let lines: Vec<Line> = v.text.lines().flat_map(|l| hard_wrap(l, inner_w)).map(Line::from).collect();
    f.render_widget(Paragraph::new(lines).scroll((v.scroll, 0)).block(block), rect);
}
