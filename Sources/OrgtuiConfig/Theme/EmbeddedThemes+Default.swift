extension EmbeddedThemes {
    /// A verbatim copy of `themes/default.toml`.
    static let defaultTOML = #"""
        # orgtui theme "default": dark, 256 colours. Also compiled into the binary, so it works without this folder.
        #
        # [palette] names colours: "#rrggbb" (shown as the nearest of the xterm 256), "color0"…"color255", ANSI names
        # ("red", "bright-blue") or "default" (the terminal's own colour).
        # [roles] gives each semantic role its whole style: fg and bg (a palette name or a colour) and bold, dim,
        # underline, reverse (true or false). What a role leaves out is off: the terminal's own colour, no attribute.
        # A role the file does not mention keeps the default theme's style. Unknown keys are reported as warnings.

        [palette]
        text    = "#d0d0d0"  # color252
        muted   = "#808080"  # color244
        faint   = "#949494"  # color246
        soft    = "#a8a8a8"  # color248
        line    = "#585858"  # color240
        surface = "#303030"  # color236
        snow    = "#ffffff"  # color231
        ink     = "#000000"  # color16
        sky     = "#5fafff"  # color75
        steel   = "#87afd7"  # color110
        navy    = "#005faf"  # color25
        ice     = "#87d7ff"  # color117
        leaf    = "#87d787"  # color114
        mint    = "#afffaf"  # color157
        gold    = "#ffd75f"  # color221
        amber   = "#ffaf00"  # color214
        tan     = "#d7af87"  # color180
        coral   = "#ff875f"  # color209
        rose    = "#ff5f5f"  # color203
        crimson = "#d70000"  # color160
        orchid  = "#ff87ff"  # color213

        [roles]
        "text.primary"  = { fg = "text" }
        "text.muted"    = { fg = "muted" }
        selection       = { fg = "snow", bg = "navy", bold = true }
        border          = { fg = "line" }
        header          = { fg = "snow", bg = "surface", bold = true }
        "header.marker" = { fg = "ink", bg = "amber", bold = true }
        "tab.active"    = { fg = "ink", bg = "sky", bold = true }
        "tab.inactive"  = { fg = "soft", bg = "surface" }
        "status.ok"     = { fg = "leaf" }
        "status.warn"   = { fg = "gold" }
        "status.error"  = { fg = "rose", bold = true }
        "role.owner"    = { fg = "orchid", bold = true }
        "role.admin"    = { fg = "coral" }
        "role.member"   = { fg = "ice" }
        "role.viewer"   = { fg = "faint" }
        danger          = { fg = "snow", bg = "crimson", bold = true }
        badge           = { fg = "ink", bg = "gold", bold = true }
        stale           = { fg = "tan" }
        "warning.flag"  = { fg = "amber", bold = true }
        "modal.border"  = { fg = "sky" }
        "modal.title"   = { fg = "snow", bold = true }
        secret          = { fg = "ink", bg = "mint", bold = true }
        "table.header"  = { fg = "steel", bold = true }
        filter          = { fg = "gold" }
        "key.hint"      = { fg = "muted" }

        """#
}
