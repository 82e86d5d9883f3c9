import APICore
import ConsoleModel
import TUIKit

/// The guided rotation modal: both steps with their state, the new secret once, and what stopping here means.
enum RotationModal {
    static func draw(_ model: ScreenModel, into buffer: inout Buffer, area: Rect, theme: Theme) {
        guard let (rotation, secret) = model.rotation else { return }
        let old = TextSanitizer.sanitize(rotation.old.name).text
        let new = rotation.new.map { TextSanitizer.sanitize($0.name).text } ?? old
        let kind = rotation.old.kind.rawValue
        var lines: [(String, ThemeRole)] = []
        var buttons: [String] = []
        switch rotation.step {
        case .creating:
            lines = [
                ("⧗ Step 1: creating the new \(kind)…", .textPrimary),
                ("  Step 2: delete the old \(kind) '\(old)'", .textMuted),
            ]
        case .createFailed(let reason):
            lines = [
                ("✗ Step 1: the new \(kind) was not created: \(reason)", .statusError),
                ("Nothing changed: '\(old)' is still the key in use.", .textPrimary),
            ]
            buttons = ["Esc close"]
        case .created:
            lines = [
                ("✓ Step 1: new \(kind) '\(new)' created. Its secret — shown once, never stored:", .statusOK),
                ("", .textPrimary), (secret ?? "(wiped)", .secret), ("", .textPrimary),
                ("  Step 2: store the secret, then press y to delete the old \(kind) '\(old)'.", .textPrimary),
                ("Esc stops here: both keys stay valid (delete the old one later with R → Delete).", .statusWarn),
            ]
            if rotation.isOwnCredential {
                lines.append(
                    ("orgtui signs in with the old key: it moves to the new key before deleting it.", .statusWarn))
            }
            buttons = ["y delete old key", "c copy (OSC 52)", "Esc stop here"]
        case .deletingOld:
            lines = [
                ("✓ Step 1: new \(kind) '\(new)' created", .statusOK),
                ("⧗ Step 2: deleting the old \(kind) '\(old)'…", .textPrimary),
            ]
        case .finished:
            lines = [
                ("✓ Step 1: new \(kind) '\(new)' created", .statusOK),
                ("✓ Step 2: old \(kind) '\(old)' deleted", .statusOK),
                ("", .textPrimary), ("The rotation is complete; the secret is wiped when this closes.", .textMuted),
            ]
            buttons = ["Esc / Enter close"]
        case .deleteFailed(let reason):
            lines = [
                ("✓ Step 1: new \(kind) '\(new)' created", .statusOK),
                ("✗ Step 2: the old \(kind) '\(old)' was not deleted: \(reason)", .statusError),
                ("Both keys are valid and both are listed; nothing is lost.", .statusWarn),
            ]
            if let secret { lines += [("", .textPrimary), (secret, .secret)] }
            buttons = ["y try the delete again", "c copy", "Esc close"]
        }
        let width = min(area.width - 4, max(64, DisplayWidth.of(secret ?? "") + 6))
        ModalWidget(title: "Rotate \(kind) '\(old)'", lines: lines, buttons: buttons, selectedButton: nil, width: width)
            .render(into: &buffer, area: area, theme: theme)
    }
}
