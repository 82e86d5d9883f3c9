import APICore
import ConsoleModel
import TUIKit

/// An offboarding plan: each step with its provider, place, action and state; the typed-email confirmation before
/// it runs, and where it stopped after.
enum OffboardingView {
    static func draw(_ dialog: OffboardingDialog, lens: LensState, into buffer: inout Buffer, area: Rect, theme: Theme)
    {
        buffer.fill(area, style: theme[.textPrimary])
        let email = TextSanitizer.sanitize(dialog.email).text
        let (titleArea, rest) = area.splitTop(1)
        let (body, footer) = rest.splitBottom(dialog.confirmed ? 1 : 3)
        buffer.fill(titleArea, style: theme[.header])
        guard let plan = lens.plan else { return }
        let done = plan.steps.filter { $0.state == .done }.count
        buffer.write(
            " Offboard \(email) · " + LensView.counted(plan.steps.count, "step") + " · \(done) done", x: titleArea.x,
            y: titleArea.y,
            maxWidth: titleArea.width, style: theme[.header])
        let visible = max(1, body.height - 1)
        let first = max(0, min(dialog.offset, plan.steps.count - visible))
        for (line, index) in (first..<min(plan.steps.count, first + visible)).enumerated() {
            let step = plan.steps[index]
            let y = body.y + 1 + line
            let state = DisplayWidth.pad(step.state.label, toWidth: 9)
            buffer.write(" \(state)", x: body.x, y: y, maxWidth: 11, style: theme[role(step.state)])
            let text =
                "\(index + 1). \(step.provider.displayName) · \(TextSanitizer.sanitize(step.place).text) · "
                + TextSanitizer.sanitize(step.summary).text + reason(step.state)
            buffer.write(text, x: body.x + 11, y: y, maxWidth: body.width - 12, style: theme[.textPrimary])
        }
        var lines: [(String, ThemeRole)]
        if !dialog.confirmed {
            let manual = plan.steps.filter { $0.state.isManual }.count
            lines = [
                (
                    "Removes \(email) everywhere above; steps run one at a time and stop at the first failure."
                        + (manual > 0 ? " \(manual) must be done by hand." : ""), .danger
                ),
                ("Type the email to confirm: \(email)", .textMuted),
                ("> " + TextSanitizer.sanitize(dialog.typed).text + "▏", matches(dialog) ? .statusOK : .filter),
            ]
        } else if lens.planRunning {
            lines = [("Running… each step lands before the next is sent", .statusWarn)]
        } else if let stopped = plan.stoppedAt {
            lines = [("Stopped at step \(stopped + 1): the steps above stay done, the rest are listed", .statusError)]
        } else if plan.isFinished {
            lines = [("Finished: every step is done or listed for you to do by hand", .statusOK)]
        } else {
            lines = [("Paused", .textMuted)]
        }
        for (index, line) in lines.enumerated() {
            buffer.write(
                " " + line.0, x: footer.x, y: footer.y + index, maxWidth: footer.width, style: theme[line.1])
        }
    }

    private static func matches(_ dialog: OffboardingDialog) -> Bool {
        dialog.typed.lowercased() == dialog.email.lowercased()
    }

    private static func reason(_ state: OffboardingStep.State) -> String {
        switch state {
        case .failed(let message), .unknown(let message), .manual(let message):
            " — " + TextSanitizer.sanitize(message).text
        default: ""
        }
    }

    private static func role(_ state: OffboardingStep.State) -> ThemeRole {
        switch state {
        case .done: .statusOK
        case .failed, .unknown: .statusError
        case .running: .statusWarn
        case .manual: .textMuted
        case .waiting: .textPrimary
        }
    }
}
