extension Theme {
    /// The compiled-in dark theme (256 colours): keeps an installed binary working without the themes folder.
    public static let defaultDark = Theme(name: "default", styles: defaultDarkStyles)

    /// Attributes only (bold, dim, underline, reverse), no colours: for `NO_COLOR`, `TERM=dumb` and mono terminals.
    public static let monochrome = Theme(name: "mono", styles: monochromeStyles)

    static let defaultDarkStyles: [ThemeRole: Style] = [
        .textPrimary: Style(foreground: .indexed(252)),
        .textMuted: Style(foreground: .indexed(244)),
        .selection: Style(foreground: .indexed(231), background: .indexed(25), bold: true),
        .border: Style(foreground: .indexed(240)),
        .header: Style(foreground: .indexed(231), background: .indexed(236), bold: true),
        .headerMarker: Style(foreground: .indexed(16), background: .indexed(214), bold: true),
        .tabActive: Style(foreground: .indexed(16), background: .indexed(75), bold: true),
        .tabInactive: Style(foreground: .indexed(248), background: .indexed(236)),
        .statusOK: Style(foreground: .indexed(114)),
        .statusWarn: Style(foreground: .indexed(221)),
        .statusError: Style(foreground: .indexed(203), bold: true),
        .roleOwner: Style(foreground: .indexed(213), bold: true),
        .roleAdmin: Style(foreground: .indexed(209)),
        .roleMember: Style(foreground: .indexed(117)),
        .roleViewer: Style(foreground: .indexed(246)),
        .danger: Style(foreground: .indexed(231), background: .indexed(160), bold: true),
        .badge: Style(foreground: .indexed(16), background: .indexed(221), bold: true),
        .stale: Style(foreground: .indexed(180)),
        .warningFlag: Style(foreground: .indexed(214), bold: true),
        .modalBorder: Style(foreground: .indexed(75)),
        .modalTitle: Style(foreground: .indexed(231), bold: true),
        .secret: Style(foreground: .indexed(16), background: .indexed(157), bold: true),
        .tableHeader: Style(foreground: .indexed(110), bold: true),
        .filter: Style(foreground: .indexed(221)),
        .keyHint: Style(foreground: .indexed(244)),
    ]

    static let monochromeStyles: [ThemeRole: Style] = [
        .textPrimary: Style(),
        .textMuted: Style(dim: true),
        .selection: Style(reverse: true),
        .border: Style(),
        .header: Style(bold: true, reverse: true),
        .headerMarker: Style(bold: true, underline: true),
        .tabActive: Style(bold: true, reverse: true),
        .tabInactive: Style(),
        .statusOK: Style(),
        .statusWarn: Style(bold: true),
        .statusError: Style(bold: true, underline: true),
        .roleOwner: Style(bold: true),
        .roleAdmin: Style(bold: true),
        .roleMember: Style(),
        .roleViewer: Style(dim: true),
        .danger: Style(bold: true, reverse: true),
        .badge: Style(reverse: true),
        .stale: Style(dim: true),
        .warningFlag: Style(bold: true),
        .modalBorder: Style(bold: true),
        .modalTitle: Style(bold: true),
        .secret: Style(bold: true, underline: true),
        .tableHeader: Style(bold: true, underline: true),
        .filter: Style(underline: true),
        .keyHint: Style(dim: true),
    ]
}
