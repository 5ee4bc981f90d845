//! Styles. `NO_COLOR` (or `--no-color`) gives a monochrome theme in which focus, errors and required
//! fields are shown by reverse video, bold and symbols (`›`, `!`, `*`), never by colour alone; the
//! symbols are drawn in both themes.

use ratatui::style::{Color, Modifier, Style};

#[derive(Debug, Clone, Copy)]
pub struct Theme {
    pub mono: bool,
    pub title: Style,
    pub focus: Style,
    pub label: Style,
    pub value: Style,
    pub dim: Style,
    pub error: Style,
    pub warning: Style,
    pub ok: Style,
    pub selected: Style,
    pub key: Style,
    pub border: Style,
}

impl Theme {
    pub fn color() -> Theme {
        Theme {
            mono: false,
            title: Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD),
            focus: Style::new().fg(Color::Black).bg(Color::Cyan),
            label: Style::new(),
            value: Style::new().fg(Color::White),
            dim: Style::new().fg(Color::DarkGray),
            error: Style::new().fg(Color::Red).add_modifier(Modifier::BOLD),
            warning: Style::new().fg(Color::Yellow),
            ok: Style::new().fg(Color::Green),
            selected: Style::new().add_modifier(Modifier::REVERSED),
            key: Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD),
            border: Style::new().fg(Color::Cyan),
        }
    }

    pub fn mono() -> Theme {
        Theme {
            mono: true,
            title: Style::new().add_modifier(Modifier::BOLD),
            focus: Style::new().add_modifier(Modifier::REVERSED),
            label: Style::new(),
            value: Style::new(),
            dim: Style::new().add_modifier(Modifier::DIM),
            error: Style::new().add_modifier(Modifier::BOLD),
            warning: Style::new(),
            ok: Style::new(),
            selected: Style::new().add_modifier(Modifier::REVERSED),
            key: Style::new().add_modifier(Modifier::BOLD),
            border: Style::new(),
        }
    }

    /// `NO_COLOR` set to anything non-empty (https://no-color.org), or the flag.
    pub fn from_env(no_color_flag: bool) -> Theme {
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        if no_color || no_color_flag { Theme::mono() } else { Theme::color() }
    }
}
