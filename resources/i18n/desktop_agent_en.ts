<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en_GB">
<context>
    <name>AboutDialog</name>
    <message>
        <source>This program uses Qt %1 through Qt for Python (PySide6) %2, used under the GNU Lesser General Public License version 3 (LGPL-3.0). Qt is a product of The Qt Company Ltd and its contributors. You may replace the Qt and PySide6 libraries shipped with this program by your own, modified builds of compatible versions; the installed program loads them from its own folder. The source code of Qt and Qt for Python is available from the Qt Project (https://download.qt.io) and on request. The full text of the LGPL-3.0 is included below.</source>
        <translation>This program uses Qt %1 through Qt for Python (PySide6) %2, used under the GNU Lesser General Public License version 3 (LGPL-3.0). Qt is a product of The Qt Company Ltd and its contributors. You may replace the Qt and PySide6 libraries shipped with this program by your own, modified builds of compatible versions; the installed program loads them from its own folder. The source code of Qt and Qt for Python is available from the Qt Project (https://download.qt.io) and on request. The full text of the LGPL-3.0 is included below.</translation>
    </message>
    <message>
        <source>About Desktop Agent</source>
        <translation>About Desktop Agent</translation>
    </message>
    <message>
        <source>About</source>
        <translation>About</translation>
    </message>
    <message>
        <source>Components</source>
        <translation>Components</translation>
    </message>
    <message>
        <source>Qt licence</source>
        <translation>Qt licence</translation>
    </message>
    <message>
        <source>About Qt</source>
        <translation>About Qt</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>Database</translation>
    </message>
    <message>
        <source>Telephony</source>
        <translation>Telephony</translation>
    </message>
    <message>
        <source>Settings file</source>
        <translation>Settings file</translation>
    </message>
    <message>
        <source>Python</source>
        <translation>Python</translation>
    </message>
    <message>
        <source>Qt / PySide6</source>
        <translation>Qt / PySide6</translation>
    </message>
    <message>
        <source>One window for call-centre operators: screen-pop, tickets, templates, the de-escalation checklist and call control.</source>
        <translation>One window for call-centre operators: screen-pop, tickets, templates, the de-escalation checklist and call control.</translation>
    </message>
    <message>
        <source>This program is free software under the GNU General Public License, version 3 or later, and comes with ABSOLUTELY NO WARRANTY. See the Components tab for the licences of the parts it is built from.</source>
        <translation>This program is free software under the GNU General Public License, version 3 or later, and comes with ABSOLUTELY NO WARRANTY. See the Components tab for the licences of the parts it is built from.</translation>
    </message>
    <message>
        <source>Component</source>
        <translation>Component</translation>
    </message>
    <message>
        <source>Licence</source>
        <translation>Licence</translation>
    </message>
    <message>
        <source>No licence text of this component is included. Its licence: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The licence text is missing from this installation.</source>
        <translation>The licence text is missing from this installation.</translation>
    </message>
</context>
<context>
    <name>Actions</name>
    <message>
        <source>Call</source>
        <translation>Call</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>Agent</translation>
    </message>
    <message>
        <source>View</source>
        <translation>View</translation>
    </message>
    <message>
        <source>Help</source>
        <translation>Help</translation>
    </message>
    <message>
        <source>Panes</source>
        <translation>Panes</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>Answer</translation>
    </message>
    <message>
        <source>Answer the ringing call</source>
        <translation>Answer the ringing call</translation>
    </message>
    <message>
        <source>Decline</source>
        <translation>Decline</translation>
    </message>
    <message>
        <source>Decline the ringing or waiting call</source>
        <translation>Decline the ringing or waiting call</translation>
    </message>
    <message>
        <source>Hold</source>
        <translation>Hold</translation>
    </message>
    <message>
        <source>Put the caller on hold, or take them back</source>
        <translation>Put the caller on hold, or take them back</translation>
    </message>
    <message>
        <source>Mute</source>
        <translation>Mute</translation>
    </message>
    <message>
        <source>Switch your microphone off or on</source>
        <translation>Switch your microphone off or on</translation>
    </message>
    <message>
        <source>Transfer…</source>
        <translation>Transfer…</translation>
    </message>
    <message>
        <source>Transfer the call to a number or extension</source>
        <translation>Transfer the call to a number or extension</translation>
    </message>
    <message>
        <source>Keypad…</source>
        <translation>Keypad…</translation>
    </message>
    <message>
        <source>Send tones (DTMF) to the caller&apos;s system</source>
        <translation>Send tones (DTMF) to the caller&apos;s system</translation>
    </message>
    <message>
        <source>Hang up</source>
        <translation>Hang up</translation>
    </message>
    <message>
        <source>End the call and start wrap-up</source>
        <translation>End the call and start wrap-up</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Ready</translation>
    </message>
    <message>
        <source>Take calls; during wrap-up, finish it first</source>
        <translation>Take calls; during wrap-up, finish it first</translation>
    </message>
    <message>
        <source>Not ready…</source>
        <translation>Not ready…</translation>
    </message>
    <message>
        <source>Stop taking calls, with a reason</source>
        <translation>Stop taking calls, with a reason</translation>
    </message>
    <message>
        <source>Choose disposition</source>
        <translation>Choose disposition</translation>
    </message>
    <message>
        <source>Go to the disposition list (then 1–9 picks one)</source>
        <translation>Go to the disposition list (then 1–9 picks one)</translation>
    </message>
    <message>
        <source>Show the interface in Russian</source>
        <translation>Show the interface in Russian</translation>
    </message>
    <message>
        <source>Show the interface in English</source>
        <translation>Show the interface in English</translation>
    </message>
    <message>
        <source>Light theme</source>
        <translation>Light theme</translation>
    </message>
    <message>
        <source>Dark theme</source>
        <translation>Dark theme</translation>
    </message>
    <message>
        <source>Reset layout</source>
        <translation>Reset layout</translation>
    </message>
    <message>
        <source>Put every pane back where it started</source>
        <translation>Put every pane back where it started</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Quit</translation>
    </message>
    <message>
        <source>Settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrap-up limit and auto-Ready, language, theme, agent login</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Keyboard shortcuts</translation>
    </message>
    <message>
        <source>Show every shortcut</source>
        <translation>Show every shortcut</translation>
    </message>
    <message>
        <source>About Desktop Agent</source>
        <translation>About Desktop Agent</translation>
    </message>
    <message>
        <source>Checklist</source>
        <translation>Checklist</translation>
    </message>
    <message>
        <source>Caller type…</source>
        <translation>Caller type…</translation>
    </message>
    <message>
        <source>Choose the kind of caller: it sets the checklist</source>
        <translation>Choose the kind of caller: it sets the checklist</translation>
    </message>
    <message>
        <source>Tick checklist step %1</source>
        <translation>Tick checklist step %1</translation>
    </message>
    <message>
        <source>In the disposition list: choose that disposition</source>
        <translation>In the disposition list: choose that disposition</translation>
    </message>
    <message>
        <source>In the keypad: send that tone</source>
        <translation>In the keypad: send that tone</translation>
    </message>
    <message>
        <source>Close this overlay, a dialog or a menu</source>
        <translation>Close this overlay, a dialog or a menu</translation>
    </message>
    <message>
        <source>Templates</source>
        <translation>Templates</translation>
    </message>
    <message>
        <source>Find a template</source>
        <translation>Find a template</translation>
    </message>
    <message>
        <source>Go to the template search</source>
        <translation>Go to the template search</translation>
    </message>
    <message>
        <source>Insert template</source>
        <translation>Insert template</translation>
    </message>
    <message>
        <source>Insert the selected template into the ticket</source>
        <translation>Insert the selected template into the ticket</translation>
    </message>
    <message>
        <source>Copy template</source>
        <translation>Copy template</translation>
    </message>
    <message>
        <source>Copy the selected template, filled in, to the clipboard</source>
        <translation>Copy the selected template, filled in, to the clipboard</translation>
    </message>
    <message>
        <source>Put on a number key…</source>
        <translation>Put on a number key…</translation>
    </message>
    <message>
        <source>Make the selected template a favourite on Alt+1…9</source>
        <translation>Make the selected template a favourite on Alt+1…9</translation>
    </message>
    <message>
        <source>Insert favourite %1</source>
        <translation>Insert favourite %1</translation>
    </message>
    <message>
        <source>Ticket</source>
        <translation>Ticket</translation>
    </message>
    <message>
        <source>Save ticket</source>
        <translation>Save ticket</translation>
    </message>
    <message>
        <source>Save the ticket in the editor</source>
        <translation>Save the ticket in the editor</translation>
    </message>
    <message>
        <source>New ticket from call</source>
        <translation>New ticket from call</translation>
    </message>
    <message>
        <source>A new ticket filled in from the current call</source>
        <translation>A new ticket filled in from the current call</translation>
    </message>
    <message>
        <source>Link call to open ticket…</source>
        <translation>Link call to open ticket…</translation>
    </message>
    <message>
        <source>Add the call to one of the caller&apos;s open tickets instead</source>
        <translation>Add the call to one of the caller&apos;s open tickets instead</translation>
    </message>
    <message>
        <source>Escalate ticket…</source>
        <translation>Escalate ticket…</translation>
    </message>
    <message>
        <source>Up one tier, L1 → L2 → L3; asks for the reason</source>
        <translation>Up one tier, L1 → L2 → L3; asks for the reason</translation>
    </message>
    <message>
        <source>Ticket history</source>
        <translation>Ticket history</translation>
    </message>
    <message>
        <source>Show the ticket&apos;s history and comments</source>
        <translation>Show the ticket&apos;s history and comments</translation>
    </message>
    <message>
        <source>Wallboard on its own screen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Float the wallboard full size onto the second screen, or dock it back</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CallBar</name>
    <message>
        <source>Transfer</source>
        <translation>Transfer</translation>
    </message>
    <message>
        <source>Number or extension:</source>
        <translation>Number or extension:</translation>
    </message>
    <message>
        <source>Logged out</source>
        <translation>Logged out</translation>
    </message>
    <message>
        <source>Not ready</source>
        <translation>Not ready</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Ready</translation>
    </message>
    <message>
        <source>then Ready</source>
        <translation>then Ready</translation>
    </message>
    <message>
        <source>then Not ready: %1</source>
        <translation>then Not ready: %1</translation>
    </message>
    <message>
        <source>No call</source>
        <translation>No call</translation>
    </message>
    <message>
        <source>Ringing for</source>
        <translation>Ringing for</translation>
    </message>
    <message>
        <source>On hold for</source>
        <translation>On hold for</translation>
    </message>
    <message>
        <source>Wrap-up time</source>
        <translation>Wrap-up time</translation>
    </message>
    <message>
        <source>Wrap-up time left</source>
        <translation>Wrap-up time left</translation>
    </message>
    <message>
        <source>Call time</source>
        <translation>Call time</translation>
    </message>
    <message>
        <source>Call bar</source>
        <translation>Call bar</translation>
    </message>
</context>
<context>
    <name>CallFlow</name>
    <message>
        <source>Telephony: %1</source>
        <translation>Telephony: %1</translation>
    </message>
    <message>
        <source>Decline</source>
        <translation>Decline</translation>
    </message>
    <message>
        <source>Transfer failed: %1</source>
        <translation>Transfer failed: %1</translation>
    </message>
    <message>
        <source>The call&apos;s unsaved ticket is kept as a draft: the ticket pane lists it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>Answer</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Resume</translation>
    </message>
    <message>
        <source>Hold</source>
        <translation>Hold</translation>
    </message>
    <message>
        <source>Mute</source>
        <translation>Mute</translation>
    </message>
    <message>
        <source>Transfer</source>
        <translation>Transfer</translation>
    </message>
    <message>
        <source>Tones</source>
        <translation>Tones</translation>
    </message>
    <message>
        <source>Hang up</source>
        <translation>Hang up</translation>
    </message>
    <message>
        <source>There is no call.</source>
        <translation>There is no call.</translation>
    </message>
    <message>
        <source>%1 failed: %2</source>
        <translation>%1 failed: %2</translation>
    </message>
    <message>
        <source>Could not save: %1</source>
        <translation>Could not save: %1</translation>
    </message>
</context>
<context>
    <name>CallWords</name>
    <message>
        <source>Ringing</source>
        <translation>Ringing</translation>
    </message>
    <message>
        <source>Talking</source>
        <translation>Talking</translation>
    </message>
    <message>
        <source>On hold</source>
        <translation>On hold</translation>
    </message>
    <message>
        <source>Wrap-up</source>
        <translation>Wrap-up</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>There is no ringing call to answer.</source>
        <translation>There is no ringing call to answer.</translation>
    </message>
    <message>
        <source>Only possible while talking.</source>
        <translation>Only possible while talking.</translation>
    </message>
    <message>
        <source>The call is not on hold.</source>
        <translation>The call is not on hold.</translation>
    </message>
    <message>
        <source>There is no connected call.</source>
        <translation>There is no connected call.</translation>
    </message>
    <message>
        <source>The call has already ended.</source>
        <translation>The call has already ended.</translation>
    </message>
    <message>
        <source>Wrap-up has not started: the call is still going.</source>
        <translation>Wrap-up has not started: the call is still going.</translation>
    </message>
    <message>
        <source>Choose a disposition before going Ready.</source>
        <translation>Choose a disposition before going Ready.</translation>
    </message>
    <message>
        <source>Unknown disposition code.</source>
        <translation>Unknown disposition code.</translation>
    </message>
    <message>
        <source>Only digits, * and # can be sent as tones.</source>
        <translation>Only digits, * and # can be sent as tones.</translation>
    </message>
    <message>
        <source>Enter a number or extension to transfer to.</source>
        <translation>Enter a number or extension to transfer to.</translation>
    </message>
    <message>
        <source>The call&apos;s ticket is not saved: save it, keep it as a draft or discard it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Call ended</source>
        <translation>Call ended</translation>
    </message>
    <message>
        <source>The caller hung up</source>
        <translation>The caller hung up</translation>
    </message>
    <message>
        <source>You hung up</source>
        <translation>You hung up</translation>
    </message>
    <message>
        <source>Call declined</source>
        <translation>Call declined</translation>
    </message>
    <message>
        <source>Not answered in time</source>
        <translation>Not answered in time</translation>
    </message>
    <message>
        <source>The caller gave up while ringing</source>
        <translation>The caller gave up while ringing</translation>
    </message>
    <message>
        <source>Call transferred</source>
        <translation>Call transferred</translation>
    </message>
    <message>
        <source>The call failed</source>
        <translation>The call failed</translation>
    </message>
</context>
<context>
    <name>CardWords</name>
    <message>
        <source>Consumer</source>
        <translation>Consumer</translation>
    </message>
    <message>
        <source>Small business</source>
        <translation>Small business</translation>
    </message>
    <message>
        <source>Corporate</source>
        <translation>Corporate</translation>
    </message>
    <message>
        <source>Government</source>
        <translation>Government</translation>
    </message>
    <message>
        <source>Russian</source>
        <translation>Russian</translation>
    </message>
    <message>
        <source>English</source>
        <translation>English</translation>
    </message>
</context>
<context>
    <name>ChecklistPane</name>
    <message>
        <source>Conflict checklist</source>
        <translation>Conflict checklist</translation>
    </message>
    <message>
        <source>Steps are ticked during a call.</source>
        <translation>Steps are ticked during a call.</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 of %2</translation>
    </message>
    <message>
        <source>no call</source>
        <translation>no call</translation>
    </message>
    <message>
        <source>“%1”</source>
        <translation>“%1”</translation>
    </message>
    <message>
        <source>Suggested phrases (click or Enter inserts):</source>
        <translation>Suggested phrases (click or Enter inserts):</translation>
    </message>
    <message>
        <source>Hide (Esc)</source>
        <translation>Hide (Esc)</translation>
    </message>
    <message>
        <source>“%1” has no step “%2”: its tick would be dropped. Switch anyway?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Caller:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Switch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ChecklistWords</name>
    <message>
        <source>Any upset caller</source>
        <translation>Any upset caller</translation>
    </message>
    <message>
        <source>Aggressive</source>
        <translation>Aggressive</translation>
    </message>
    <message>
        <source>Chronically dissatisfied</source>
        <translation>Chronically dissatisfied</translation>
    </message>
    <message>
        <source>Storyteller</source>
        <translation>Storyteller</translation>
    </message>
    <message>
        <source>Inflated expectations</source>
        <translation>Inflated expectations</translation>
    </message>
    <message>
        <source>The caller has been on hold for %1. Go back to them, even if only to say how it is going.</source>
        <translation>The caller has been on hold for %1. Go back to them, even if only to say how it is going.</translation>
    </message>
    <message>
        <source>It has been quiet for %1. Check the caller is still there.</source>
        <translation>It has been quiet for %1. Check the caller is still there.</translation>
    </message>
    <message>
        <source>The call has lasted %1. Sum up what you know so far.</source>
        <translation>The call has lasted %1. Sum up what you know so far.</translation>
    </message>
    <message>
        <source>The long-silence cue is off on this line.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The phone connection (%1) cannot tell when the caller goes quiet, so the checklist cannot remind you of a long silence. Keep an eye on pauses yourself; the hold and call-length cues still work.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
</context>
<context>
    <name>ConflictPanel</name>
    <message>
        <source>Use theirs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use mine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep both (edit)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The ticket keeps the other desk&apos;s version; yours is dropped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The ticket keeps your version; theirs is dropped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Both texts in one, yours first: edit the result on the right</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>kept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yours — not kept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not kept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yours — kept; you can edit it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yours — kept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>included on the right</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yours and theirs — kept; edit as needed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Theirs (%1) — %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DockTitleBar</name>
    <message>
        <source>Put back into the window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Detach into its own window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close the pane (View ▸ Panes brings it back)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DtmfPad</name>
    <message>
        <source>Keypad</source>
        <translation>Keypad</translation>
    </message>
    <message>
        <source>Type digits, * or # to send them. Esc closes.</source>
        <translation>Type digits, * or # to send them. Esc closes.</translation>
    </message>
</context>
<context>
    <name>EscalationDialog</name>
    <message>
        <source>Escalate ticket</source>
        <translation>Escalate ticket</translation>
    </message>
    <message>
        <source>Escalate %1 from %2 to %3.</source>
        <translation>Escalate %1 from %2 to %3.</translation>
    </message>
    <message>
        <source>&amp;Reason (required): what was tried, why the next line is needed</source>
        <translation>&amp;Reason (required): what was tried, why the next line is needed</translation>
    </message>
    <message>
        <source>&amp;Escalate</source>
        <translation>&amp;Escalate</translation>
    </message>
    <message>
        <source>Escalate with this reason (Ctrl+Enter)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HelpOverlay</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Keyboard shortcuts</translation>
    </message>
    <message>
        <source>Every button&apos;s tooltip shows its shortcut too. Esc or F1 closes.</source>
        <translation>Every button&apos;s tooltip shows its shortcut too. Esc or F1 closes.</translation>
    </message>
</context>
<context>
    <name>KpiFormula</name>
    <message>
        <source>answered within %1 s / (answered + abandoned after %1 s + sent out of the queue after %1 s); abandons under %2 s left out</source>
        <translation>answered within %1 s / (answered + abandoned after %1 s + sent out of the queue after %1 s); abandons under %2 s left out</translation>
    </message>
    <message>
        <source>Cisco, abandons ignored: answered within %1 s / (service-level calls offered - abandoned within %1 s); abandons under %2 s left out</source>
        <translation>Cisco, abandons ignored: answered within %1 s / (service-level calls offered - abandoned within %1 s); abandons under %2 s left out</translation>
    </message>
    <message>
        <source>Cisco, abandons count against: answered within %1 s / service-level calls offered; abandons under %2 s left out</source>
        <translation>Cisco, abandons count against: answered within %1 s / service-level calls offered; abandons under %2 s left out</translation>
    </message>
    <message>
        <source>Cisco, abandons count for: (answered within %1 s + abandoned within %1 s) / service-level calls offered; abandons under %2 s left out</source>
        <translation>Cisco, abandons count for: (answered within %1 s + abandoned within %1 s) / service-level calls offered; abandons under %2 s left out</translation>
    </message>
    <message>
        <source>Genesys: answered within %1 s / (answered + abandoned - abandons under %2 s)</source>
        <translation>Genesys: answered within %1 s / (answered + abandoned - abandons under %2 s)</translation>
    </message>
    <message>
        <source>Amazon Connect: calls answered or abandoned within %1 s / calls that left the queue</source>
        <translation>Amazon Connect: calls answered or abandoned within %1 s / calls that left the queue</translation>
    </message>
    <message>
        <source>Asterisk SL: answered within %1 s / answered</source>
        <translation>Asterisk SL: answered within %1 s / answered</translation>
    </message>
    <message>
        <source>Asterisk SL2: (answered within %1 s + abandoned or timed out within %1 s) / (answered + abandoned + timed out)</source>
        <translation>Asterisk SL2: (answered within %1 s + abandoned or timed out within %1 s) / (answered + abandoned + timed out)</translation>
    </message>
    <message>
        <source>calls that entered the queue (ENTERQUEUE)</source>
        <translation>calls that entered the queue (ENTERQUEUE)</translation>
    </message>
    <message>
        <source>calls connected to an agent (CONNECT)</source>
        <translation>calls connected to an agent (CONNECT)</translation>
    </message>
    <message>
        <source>callers who hung up while queued after %1 s or longer (ABANDON)</source>
        <translation>callers who hung up while queued after %1 s or longer (ABANDON)</translation>
    </message>
    <message>
        <source>callers who hung up while queued in under %1 s</source>
        <translation>callers who hung up while queued in under %1 s</translation>
    </message>
    <message>
        <source>calls the queue sent away at its time limit (EXITWITHTIMEOUT)</source>
        <translation>calls the queue sent away at its time limit (EXITWITHTIMEOUT)</translation>
    </message>
    <message>
        <source>calls that left because no agent was available (EXITEMPTY)</source>
        <translation>calls that left because no agent was available (EXITEMPTY)</translation>
    </message>
    <message>
        <source>callers queued now</source>
        <translation>callers queued now</translation>
    </message>
    <message>
        <source>seconds the oldest caller still queued has waited</source>
        <translation>seconds the oldest caller still queued has waited</translation>
    </message>
    <message>
        <source>sum of waits from ENTERQUEUE to CONNECT (ring time included) / answered</source>
        <translation>sum of waits from ENTERQUEUE to CONNECT (ring time included) / answered</translation>
    </message>
    <message>
        <source>(talk + hold + wrap-up) / handled calls, counted in the interval where wrap-up ends (WRAPUPEND, else COMPLETE or TRANSFER)</source>
        <translation>(talk + hold + wrap-up) / handled calls, counted in the interval where wrap-up ends (WRAPUPEND, else COMPLETE or TRANSFER)</translation>
    </message>
    <message>
        <source>abandoned after %1 s or longer / (offered - abandons under %1 s)</source>
        <translation>abandoned after %1 s or longer / (offered - abandons under %1 s)</translation>
    </message>
    <message>
        <source>agent time on calls and wrap-up / (that time + ready idle time)</source>
        <translation>agent time on calls and wrap-up / (that time + ready idle time)</translation>
    </message>
    <message>
        <source>answers of 4 or 5 / all answers, on a 1-5 scale</source>
        <translation>answers of 4 or 5 / all answers, on a 1-5 scale</translation>
    </message>
    <message>
        <source>% of answers 9-10 - % of answers 0-6, on a 0-10 scale</source>
        <translation>% of answers 9-10 - % of answers 0-6, on a 0-10 scale</translation>
    </message>
    <message>
        <source>mean answer on a 1-7 scale</source>
        <translation>mean answer on a 1-7 scale</translation>
    </message>
    <message>
        <source>contacts with no repeat contact from the same customer on the same issue category within %1 days / contacts whose %1 days have passed or that were repeated</source>
        <translation>contacts with no repeat contact from the same customer on the same issue category within %1 days / contacts whose %1 days have passed or that were repeated</translation>
    </message>
    <message>
        <source>logged-in agents by state: ready, on a call, wrap-up, paused (with reason); and logged out</source>
        <translation>logged-in agents by state: ready, on a call, wrap-up, paused (with reason); and logged out</translation>
    </message>
    <message>
        <source>Erlang C: the fewest agents whose predicted service level reaches %1 % within %2 s, at the last %3 minutes&apos; arrival rate (%4 calls/h) and AHT (%5 s)</source>
        <translation>Erlang C: the fewest agents whose predicted service level reaches %1 % within %2 s, at the last %3 minutes&apos; arrival rate (%4 calls/h) and AHT (%5 s)</translation>
    </message>
    <message>
        <source>Erlang A: the fewest agents whose predicted service level reaches %1 % within %2 s, at the last %3 minutes&apos; arrival rate (%4 calls/h) and AHT (%5 s), with callers&apos; mean patience %6 s (time waited by all callers / abandons)</source>
        <translation>Erlang A: the fewest agents whose predicted service level reaches %1 % within %2 s, at the last %3 minutes&apos; arrival rate (%4 calls/h) and AHT (%5 s), with callers&apos; mean patience %6 s (time waited by all callers / abandons)</translation>
    </message>
    <message>
        <source>staffed = agents ready + on a call + in wrap-up</source>
        <translation>staffed = agents ready + on a call + in wrap-up</translation>
    </message>
    <message>
        <source>Big figure: today since midnight. Small figure: the last %1 minutes.</source>
        <translation>Big figure: today since midnight. Small figure: the last %1 minutes.</translation>
    </message>
</context>
<context>
    <name>KpiStrip</name>
    <message>
        <source>Calls today: %1</source>
        <translation>Calls today: %1</translation>
    </message>
    <message>
        <source>My AHT: %1</source>
        <translation>My AHT: %1</translation>
    </message>
    <message>
        <source>My wrap-up: %1</source>
        <translation>My wrap-up: %1</translation>
    </message>
    <message>
        <source>Calls you answered and finished today</source>
        <translation>Calls you answered and finished today</translation>
    </message>
    <message>
        <source>Average handling time: (talk + hold + wrap-up) ÷ handled calls</source>
        <translation>Average handling time: (talk + hold + wrap-up) ÷ handled calls</translation>
    </message>
    <message>
        <source>Average after-call work per handled call</source>
        <translation>Average after-call work per handled call</translation>
    </message>
</context>
<context>
    <name>LastContactsModel</name>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Queue</source>
        <translation>Queue</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <source>Talk</source>
        <translation>Talk</translation>
    </message>
    <message>
        <source>missed</source>
        <translation>missed</translation>
    </message>
    <message>
        <source>in progress</source>
        <translation>in progress</translation>
    </message>
    <message>
        <source>no outcome</source>
        <translation>no outcome</translation>
    </message>
</context>
<context>
    <name>LeadsBoardPane</name>
    <message>
        <source>Wallboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The wallboard could not start: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading the wallboard…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LinkTicketDialog</name>
    <message>
        <source>Link the call to an open ticket</source>
        <translation>Link the call to an open ticket</translation>
    </message>
    <message>
        <source>Open tickets of %1. The call is added to the chosen ticket&apos;s history.</source>
        <translation>Open tickets of %1. The call is added to the chosen ticket&apos;s history.</translation>
    </message>
    <message>
        <source>&amp;Link</source>
        <translation>&amp;Link</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>running</source>
        <translation>running</translation>
    </message>
    <message>
        <source>registered</source>
        <translation>registered</translation>
    </message>
    <message>
        <source>starting</source>
        <translation>starting</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>stopped</translation>
    </message>
    <message>
        <source>unavailable</source>
        <translation>unavailable</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>failed</translation>
    </message>
    <message>
        <source>restarting</source>
        <translation>restarting</translation>
    </message>
    <message>
        <source>Telephony: %1</source>
        <translation>Telephony: %1</translation>
    </message>
    <message>
        <source>Database: %1</source>
        <translation>Database: %1</translation>
    </message>
    <message>
        <source>Desktop Agent — operator</source>
        <translation>Desktop Agent — operator</translation>
    </message>
    <message>
        <source>&amp;Call</source>
        <translation>&amp;Call</translation>
    </message>
    <message>
        <source>&amp;Agent</source>
        <translation>&amp;Agent</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Language</translation>
    </message>
    <message>
        <source>&amp;Panes</source>
        <translation>&amp;Panes</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>My day</source>
        <translation>My day</translation>
    </message>
    <message>
        <source>Waiting for calls. The caller&apos;s card and the ticket appear here when a call rings.
F1 lists every shortcut.</source>
        <translation>Waiting for calls. The caller&apos;s card and the ticket appear here when a call rings.
F1 lists every shortcut.</translation>
    </message>
    <message>
        <source>Layout reset</source>
        <translation>Layout reset</translation>
    </message>
    <message>
        <source>Quit during a call?</source>
        <translation>Quit during a call?</translation>
    </message>
    <message>
        <source>A call is still open. Quit anyway? The call record keeps what was saved so far.</source>
        <translation>A call is still open. Quit anyway? The call record keeps what was saved so far.</translation>
    </message>
</context>
<context>
    <name>MergeDialog</name>
    <message>
        <source>Merge ticket %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ticket %1 was saved on another desktop while you were editing. Changed on both sides: %2. Choose what the ticket keeps for each; fields changed on one side only are merged already.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tab: next field · arrows: choose · Ctrl+Enter: apply · Esc: cancel, nothing changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Apply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Put these values in the form; Save then stores them (Ctrl+Enter)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OutboxStatusLabel</name>
    <message>
        <source>The central database does not answer: your work is kept on this computer and sent when it is back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offline — %1 changes waiting, for %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The central database does not answer. Calls, tickets and wrap-ups are kept on this computer and sent, in order and with their real times, as soon as it answers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sending %1 changes…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 changes refused by the database</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProvisionalContactForm</name>
    <message>
        <source>“%1” is not a phone number. Correct it or leave it empty.</source>
        <translation>“%1” is not a phone number. Correct it or leave it empty.</translation>
    </message>
    <message>
        <source>Enter the caller&apos;s name (or a number) to save a contact.</source>
        <translation>Enter the caller&apos;s name (or a number) to save a contact.</translation>
    </message>
    <message>
        <source>The notes are too long: %1 characters, at most %2.</source>
        <translation>The notes are too long: %1 characters, at most %2.</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>Not saved: %1</translation>
    </message>
    <message>
        <source>Not saved (database problem): %1. Your text is kept; try again.</source>
        <translation>Not saved (database problem): %1. Your text is kept; try again.</translation>
    </message>
    <message>
        <source>Ask for the name and save a contact, or link the call to an existing customer.</source>
        <translation>Ask for the name and save a contact, or link the call to an existing customer.</translation>
    </message>
    <message>
        <source>&amp;Full name</source>
        <translation>&amp;Full name</translation>
    </message>
    <message>
        <source>Num&amp;ber</source>
        <translation>Num&amp;ber</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Language</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>Surname First name</source>
        <translation>Surname First name</translation>
    </message>
    <message>
        <source>Maybe an existing customer:</source>
        <translation>Maybe an existing customer:</translation>
    </message>
    <message>
        <source>Save contact</source>
        <translation>Save contact</translation>
    </message>
    <message>
        <source>Create a provisional contact and link this call to it (Enter)</source>
        <translation>Create a provisional contact and link this call to it (Enter)</translation>
    </message>
    <message>
        <source>Lin&amp;k call to selected</source>
        <translation>Lin&amp;k call to selected</translation>
    </message>
    <message>
        <source>Put this call on the selected customer instead (Enter in the list)</source>
        <translation>Put this call on the selected customer instead (Enter in the list)</translation>
    </message>
</context>
<context>
    <name>ScreenPopCard</name>
    <message>
        <source>Caller</source>
        <translation>Caller</translation>
    </message>
    <message>
        <source>Anonymous caller</source>
        <translation>Anonymous caller</translation>
    </message>
    <message>
        <source>No caller ID</source>
        <translation>No caller ID</translation>
    </message>
    <message>
        <source>queue %1</source>
        <translation>queue %1</translation>
    </message>
    <message>
        <source>This number is also used by: %1</source>
        <translation>This number is also used by: %1</translation>
    </message>
    <message>
        <source>(no name yet)</source>
        <translation>(no name yet)</translation>
    </message>
    <message>
        <source>Unknown caller</source>
        <translation>Unknown caller</translation>
    </message>
    <message>
        <source>↻ Repeat: %1 in 7 days</source>
        <translation>↻ Repeat: %1 in 7 days</translation>
    </message>
    <message>
        <source>Repeat caller: %1 contacts in the last 7 days</source>
        <translation>Repeat caller: %1 contacts in the last 7 days</translation>
    </message>
    <message>
        <source>Open tickets (%1)</source>
        <translation>Open tickets (%1)</translation>
    </message>
    <message>
        <source>Open tickets: none</source>
        <translation>Open tickets: none</translation>
    </message>
    <message>
        <source>Last contacts: none</source>
        <translation>Last contacts: none</translation>
    </message>
    <message>
        <source>Last contacts</source>
        <translation>Last contacts</translation>
    </message>
    <message>
        <source>Looking up the caller…</source>
        <translation>Looking up the caller…</translation>
    </message>
    <message>
        <source>Still looking up the caller…</source>
        <translation>Still looking up the caller…</translation>
    </message>
    <message>
        <source>The customer lookup did not answer. Caller ID as received: %1</source>
        <translation>The customer lookup did not answer. Caller ID as received: %1</translation>
    </message>
    <message>
        <source>The customer database did not answer in full: what is shown may be incomplete. Caller ID as received: %1</source>
        <translation>The customer database did not answer in full: what is shown may be incomplete. Caller ID as received: %1</translation>
    </message>
    <message>
        <source>Second call ringing: %1</source>
        <translation>Second call ringing: %1</translation>
    </message>
    <message>
        <source>Contact saved and linked to this call.</source>
        <translation>Contact saved and linked to this call.</translation>
    </message>
    <message>
        <source>This call is now linked to the customer.</source>
        <translation>This call is now linked to the customer.</translation>
    </message>
    <message>
        <source>No call.
The caller&apos;s card appears here when a call rings.</source>
        <translation>No call.
The caller&apos;s card appears here when a call rings.</translation>
    </message>
    <message>
        <source>★ VIP</source>
        <translation>★ VIP</translation>
    </message>
    <message>
        <source>Provisional contact</source>
        <translation>Provisional contact</translation>
    </message>
    <message>
        <source>Segment</source>
        <translation>Segment</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Language</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>Company</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>Enter or double-click opens the ticket in the editor</source>
        <translation>Enter or double-click opens the ticket in the editor</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Wrap-up</source>
        <translation type="unfinished">Wrap-up</translation>
    </message>
    <message>
        <source>Interface</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agent</source>
        <translation type="unfinished">Agent</translation>
    </message>
    <message>
        <source>&amp;Time limit:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go &amp;Ready by itself when the time is up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>T&amp;heme:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agent l&amp;ogin:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A changed limit applies at once; a wrap-up already counting down is never cut short by it, only given more time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Empty: your operating-system user name. Takes effect at the next start.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Light</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seconds of after-call work before the countdown runs out; 0 means no limit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>As the system (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Letters, digits and . _ @ - (up to 64)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore &amp;defaults</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The new agent login takes effect at the next start.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SuggestionsModel</name>
    <message>
        <source>same number and name</source>
        <translation>same number and name</translation>
    </message>
    <message>
        <source>same number</source>
        <translation>same number</translation>
    </message>
    <message>
        <source>similar name</source>
        <translation>similar name</translation>
    </message>
    <message>
        <source>%1
Numbers: %2
Language: %3</source>
        <translation>%1
Numbers: %2
Language: %3</translation>
    </message>
</context>
<context>
    <name>TemplateWords</name>
    <message>
        <source>Greeting</source>
        <translation>Greeting</translation>
    </message>
    <message>
        <source>Identification</source>
        <translation>Identification</translation>
    </message>
    <message>
        <source>Billing</source>
        <translation>Billing</translation>
    </message>
    <message>
        <source>Delivery</source>
        <translation>Delivery</translation>
    </message>
    <message>
        <source>Technical</source>
        <translation>Technical</translation>
    </message>
    <message>
        <source>Hold and transfer</source>
        <translation>Hold and transfer</translation>
    </message>
    <message>
        <source>De-escalation</source>
        <translation>De-escalation</translation>
    </message>
    <message>
        <source>Closing</source>
        <translation>Closing</translation>
    </message>
</context>
<context>
    <name>TemplatesPane</name>
    <message>
        <source>Templates</source>
        <translation>Templates</translation>
    </message>
    <message>
        <source>All categories</source>
        <translation>All categories</translation>
    </message>
    <message>
        <source>No template has “%1”.</source>
        <translation>No template has “%1”.</translation>
    </message>
    <message>
        <source>No templates in this category.</source>
        <translation>No templates in this category.</translation>
    </message>
    <message>
        <source>Pick a template to see it filled in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown variable, left as written: %1</source>
        <translation>Unknown variable, left as written: %1</translation>
    </message>
    <message>
        <source>No value yet: %1</source>
        <translation>No value yet: %1</translation>
    </message>
    <message>
        <source>Filled in when the ticket is saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The preview shows the beginning; insert and copy take the whole text.</source>
        <translation>The preview shows the beginning; insert and copy take the whole text.</translation>
    </message>
    <message>
        <source>No ticket to insert into: “%1” is copied instead.</source>
        <translation>No ticket to insert into: “%1” is copied instead.</translation>
    </message>
    <message>
        <source>Copied: %1</source>
        <translation>Copied: %1</translation>
    </message>
    <message>
        <source>There is no template “%1” in this language.</source>
        <translation>There is no template “%1” in this language.</translation>
    </message>
    <message>
        <source>Nothing is on Alt+%1 yet: select a template and press Alt+0.</source>
        <translation>Nothing is on Alt+%1 yet: select a template and press Alt+0.</translation>
    </message>
    <message>
        <source>“%1” is on Alt+%2.</source>
        <translation>“%1” is on Alt+%2.</translation>
    </message>
    <message>
        <source>“%1” is off the number keys.</source>
        <translation>“%1” is off the number keys.</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>(empty)</translation>
    </message>
    <message>
        <source>&amp;0   Take off its number key</source>
        <translation>&amp;0   Take off its number key</translation>
    </message>
    <message>
        <source>Select a template first.</source>
        <translation>Select a template first.</translation>
    </message>
    <message>
        <source>Search templates (Ctrl+F)</source>
        <translation>Search templates (Ctrl+F)</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>Insert into ticket</source>
        <translation>Insert into ticket</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copy</translation>
    </message>
    <message>
        <source>Number key…</source>
        <translation>Number key…</translation>
    </message>
</context>
<context>
    <name>TicketEditor</name>
    <message>
        <source>Ticket</source>
        <translation>Ticket</translation>
    </message>
    <message>
        <source>the new ticket</source>
        <translation>the new ticket</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Unsaved changes</translation>
    </message>
    <message>
        <source>Your changes to %1 are not saved. Discard them?</source>
        <translation>Your changes to %1 are not saved. Discard them?</translation>
    </message>
    <message>
        <source>Comments can be added once the ticket is saved.</source>
        <translation>Comments can be added once the ticket is saved.</translation>
    </message>
    <message>
        <source>The text does not fit into the description (%1 characters with it, at most %2): it is on the clipboard instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 will be filled in when the ticket is saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Call to the %1 line: %2</source>
        <translation>Call to the %1 line: %2</translation>
    </message>
    <message>
        <source>Call from %1</source>
        <translation>Call from %1</translation>
    </message>
    <message>
        <source>Call: %1</source>
        <translation>Call: %1</translation>
    </message>
    <message>
        <source>Caller: %1</source>
        <translation>Caller: %1</translation>
    </message>
    <message>
        <source>Queue: %1</source>
        <translation>Queue: %1</translation>
    </message>
    <message>
        <source>Linking needs a call, and there is no call now.</source>
        <translation>Linking needs a call, and there is no call now.</translation>
    </message>
    <message>
        <source>The caller is not known: save a contact on the caller card first, or create a new ticket (Ctrl+N).</source>
        <translation>The caller is not known: save a contact on the caller card first, or create a new ticket (Ctrl+N).</translation>
    </message>
    <message>
        <source>%1 has no open tickets: create a new one (Ctrl+N).</source>
        <translation>%1 has no open tickets: create a new one (Ctrl+N).</translation>
    </message>
    <message>
        <source>The call is linked to ticket %1.</source>
        <translation>The call is linked to ticket %1.</translation>
    </message>
    <message>
        <source>Nothing to save: no field has changed.</source>
        <translation>Nothing to save: no field has changed.</translation>
    </message>
    <message>
        <source>Saved %1. The ticket&apos;s number, due time and subject are filled in the description.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>Saved %1</translation>
    </message>
    <message>
        <source>Not saved: ticket %1 was changed on another desktop while you were editing. Your text is kept. Reload shows their version (your changes are dropped); Merge puts your changes on top of theirs and asks about fields changed on both sides.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refused: %1. Your text is kept.</source>
        <translation>Refused: %1. Your text is kept.</translation>
    </message>
    <message>
        <source>Not saved, the database did not answer: %1. Your text is kept; try again.</source>
        <translation>Not saved, the database did not answer: %1. Your text is kept; try again.</translation>
    </message>
    <message>
        <source>Ticket %1 was updated on another desktop.</source>
        <translation>Ticket %1 was updated on another desktop.</translation>
    </message>
    <message>
        <source>Ticket %1 was changed elsewhere: reload it, or merge your unsaved changes into the new version.</source>
        <translation>Ticket %1 was changed elsewhere: reload it, or merge your unsaved changes into the new version.</translation>
    </message>
    <message>
        <source>Merged with the newer version. Changed on both sides, as you decided: %1. Check and save.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>— none —</source>
        <translation type="unfinished">— none —</translation>
    </message>
    <message>
        <source>saved %1 by %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>saved %1 on another desktop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yours cannot be kept: a ticket that is %1 now cannot go to %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merged with the newer version: no field was changed on both sides. Save to store your changes.</source>
        <translation>Merged with the newer version: no field was changed on both sides. Save to store your changes.</translation>
    </message>
    <message>
        <source>Save the ticket before escalating it.</source>
        <translation>Save the ticket before escalating it.</translation>
    </message>
    <message>
        <source>Ticket %1 is already at %2, the highest tier.</source>
        <translation>Ticket %1 is already at %2, the highest tier.</translation>
    </message>
    <message>
        <source>Ticket %1 is closed or resolved: reopen it before escalating.</source>
        <translation>Ticket %1 is closed or resolved: reopen it before escalating.</translation>
    </message>
    <message>
        <source>An escalation needs a reason: nothing was changed.</source>
        <translation>An escalation needs a reason: nothing was changed.</translation>
    </message>
    <message>
        <source>Escalated to %1.</source>
        <translation>Escalated to %1.</translation>
    </message>
    <message>
        <source>a customer on record</source>
        <translation>a customer on record</translation>
    </message>
    <message>
        <source>Unassigned</source>
        <translation>Unassigned</translation>
    </message>
    <message>
        <source>Me (%1)</source>
        <translation>Me (%1)</translation>
    </message>
    <message>
        <source>another agent</source>
        <translation>another agent</translation>
    </message>
    <message>
        <source>Assign to another agent</source>
        <translation>Assign to another agent</translation>
    </message>
    <message>
        <source>Agent&apos;s login:</source>
        <translation>Agent&apos;s login:</translation>
    </message>
    <message>
        <source>No agent has the login “%1”.</source>
        <translation>No agent has the login “%1”.</translation>
    </message>
    <message>
        <source>New ticket — not saved yet</source>
        <translation>New ticket — not saved yet</translation>
    </message>
    <message>
        <source>• unsaved changes</source>
        <translation>• unsaved changes</translation>
    </message>
    <message>
        <source>History (%1)</source>
        <translation>History (%1)</translation>
    </message>
    <message>
        <source>A new ticket filled in from the call</source>
        <translation>A new ticket filled in from the call</translation>
    </message>
    <message>
        <source>Link…</source>
        <translation>Link…</translation>
    </message>
    <message>
        <source>Link the call to one of the caller&apos;s open tickets</source>
        <translation>Link the call to one of the caller&apos;s open tickets</translation>
    </message>
    <message>
        <source>No ticket open.

Ctrl+N — a new ticket from the call
Ctrl+L — link the call to one of the caller&apos;s open tickets
F2 — the caller card: Enter opens one of their tickets</source>
        <translation>No ticket open.

Ctrl+N — a new ticket from the call
Ctrl+L — link the call to one of the caller&apos;s open tickets
F2 — the caller card: Enter opens one of their tickets</translation>
    </message>
    <message>
        <source>Unsaved tickets kept as drafts (Enter reopens one):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>New from call</source>
        <translation>New from call</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Save the ticket</source>
        <translation>Save the ticket</translation>
    </message>
    <message>
        <source>Escalate to the next tier; a reason is required (Ctrl+Shift+U)</source>
        <translation>Escalate to the next tier; a reason is required (Ctrl+Shift+U)</translation>
    </message>
    <message>
        <source>(no subject)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter: reopen this draft to save it. Delete: discard it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unsaved tickets kept from the last session: %1. They are listed above with their call&apos;s customer; Enter reopens one, and saving links it to its call.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unsaved tickets recovered after the desk stopped unexpectedly: %1. They are listed above with their call&apos;s customer; Enter reopens one, and saving links it to its call.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The last session was closed during a call: its open calls (%1) are closed and your logout recorded as of %2, when it was closed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The last session ended unexpectedly: its open calls (%1) are closed and your logout recorded as of %2, the last known time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The last session ended unexpectedly: your logout from the queues is recorded as of %1, the last known time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard the draft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard the unsaved ticket “%1”? It cannot be brought back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your changes to ticket %1 are not saved. Save them before you go Ready, keep them as a draft of this call, or discard them?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The new ticket is not saved. Save it before you go Ready, keep it as a draft of this call, or discard it?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unsaved ticket</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep as draft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TicketForm</name>
    <message>
        <source>— none —</source>
        <translation>— none —</translation>
    </message>
    <message>
        <source>Another agent…</source>
        <translation>Another agent…</translation>
    </message>
    <message>
        <source>The subject is required: say in a few words what the caller needs.</source>
        <translation>The subject is required: say in a few words what the caller needs.</translation>
    </message>
    <message>
        <source>The subject is too long: %1 characters, at most %2.</source>
        <translation>The subject is too long: %1 characters, at most %2.</translation>
    </message>
    <message>
        <source>The category is longer than %1 characters.</source>
        <translation>The category is longer than %1 characters.</translation>
    </message>
    <message>
        <source>The description is too long: %1 characters, at most %2.</source>
        <translation>The description is too long: %1 characters, at most %2.</translation>
    </message>
    <message>
        <source>Choose a status.</source>
        <translation>Choose a status.</translation>
    </message>
    <message>
        <source>&amp;Subject</source>
        <translation>&amp;Subject</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Customer</translation>
    </message>
    <message>
        <source>Ca&amp;tegory</source>
        <translation>Ca&amp;tegory</translation>
    </message>
    <message>
        <source>&amp;Priority</source>
        <translation>&amp;Priority</translation>
    </message>
    <message>
        <source>Stat&amp;us</source>
        <translation>Stat&amp;us</translation>
    </message>
    <message>
        <source>Assi&amp;gnee</source>
        <translation>Assi&amp;gnee</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>Tier</translation>
    </message>
    <message>
        <source>D&amp;escription</source>
        <translation>D&amp;escription</translation>
    </message>
    <message>
        <source>What the caller needs, in a few words</source>
        <translation>What the caller needs, in a few words</translation>
    </message>
    <message>
        <source>What happened, what was checked, what was promised</source>
        <translation>What happened, what was checked, what was promised</translation>
    </message>
    <message>
        <source>Use the caller</source>
        <translation>Use the caller</translation>
    </message>
    <message>
        <source>Escalate…</source>
        <translation>Escalate…</translation>
    </message>
</context>
<context>
    <name>TicketHeader</name>
    <message>
        <source>SLA: %1 h</source>
        <translation>SLA: %1 h</translation>
    </message>
    <message>
        <source>The SLA clock starts when the ticket is saved</source>
        <translation>The SLA clock starts when the ticket is saved</translation>
    </message>
    <message>
        <source>SLA: overdue by %1</source>
        <translation>SLA: overdue by %1</translation>
    </message>
    <message>
        <source>SLA: stopped (resolved)</source>
        <translation>SLA: stopped (resolved)</translation>
    </message>
    <message>
        <source>SLA: %1 left</source>
        <translation>SLA: %1 left</translation>
    </message>
    <message>
        <source>Due %1</source>
        <translation>Due %1</translation>
    </message>
    <message>
        <source>Support tier</source>
        <translation>Support tier</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>Reload</translation>
    </message>
    <message>
        <source>Show the stored version; your unsaved changes are dropped</source>
        <translation>Show the stored version; your unsaved changes are dropped</translation>
    </message>
    <message>
        <source>Merge</source>
        <translation>Merge</translation>
    </message>
    <message>
        <source>Take the stored version with your changed fields on top; a field changed on both sides is yours to decide</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TicketHistoryModel</name>
    <message>
        <source>When</source>
        <translation>When</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Who</translation>
    </message>
    <message>
        <source>What</source>
        <translation>What</translation>
    </message>
    <message>
        <source>system</source>
        <translation>system</translation>
    </message>
    <message>
        <source>another record</source>
        <translation>another record</translation>
    </message>
    <message>
        <source>Created ticket %1</source>
        <translation>Created ticket %1</translation>
    </message>
    <message>
        <source>Comment: %1</source>
        <translation>Comment: %1</translation>
    </message>
    <message>
        <source>Escalated %1 → %2. Reason: %3</source>
        <translation>Escalated %1 → %2. Reason: %3</translation>
    </message>
    <message>
        <source>Linked to a call</source>
        <translation>Linked to a call</translation>
    </message>
    <message>
        <source>%1: %2 → %3</source>
        <translation>%1: %2 → %3</translation>
    </message>
</context>
<context>
    <name>TicketHistoryView</name>
    <message>
        <source>No history yet: it starts when the ticket is saved.</source>
        <translation>No history yet: it starts when the ticket is saved.</translation>
    </message>
    <message>
        <source>Co&amp;mment</source>
        <translation>Co&amp;mment</translation>
    </message>
    <message>
        <source>A note for colleagues; it does not change the ticket</source>
        <translation>A note for colleagues; it does not change the ticket</translation>
    </message>
    <message>
        <source>Add c&amp;omment</source>
        <translation>Add c&amp;omment</translation>
    </message>
    <message>
        <source>Add the comment to the ticket history</source>
        <translation>Add the comment to the ticket history</translation>
    </message>
</context>
<context>
    <name>TicketListModel</name>
    <message>
        <source>SLA: overdue by %1</source>
        <translation>SLA: overdue by %1</translation>
    </message>
    <message>
        <source>SLA: %1 left</source>
        <translation>SLA: %1 left</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Subject</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>SLA</source>
        <translation>SLA</translation>
    </message>
</context>
<context>
    <name>TicketWords</name>
    <message>
        <source>New</source>
        <translation>New</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>Pending</translation>
    </message>
    <message>
        <source>Escalated</source>
        <translation>Escalated</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>Resolved</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Closed</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>Low</translation>
    </message>
    <message>
        <source>Normal</source>
        <translation>Normal</translation>
    </message>
    <message>
        <source>High</source>
        <translation>High</translation>
    </message>
    <message>
        <source>Urgent</source>
        <translation>Urgent</translation>
    </message>
    <message>
        <source>General</source>
        <translation>General</translation>
    </message>
    <message>
        <source>Technical</source>
        <translation>Technical</translation>
    </message>
    <message>
        <source>Billing</source>
        <translation>Billing</translation>
    </message>
    <message>
        <source>Delivery</source>
        <translation>Delivery</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Account</translation>
    </message>
    <message>
        <source>Complaint</source>
        <translation>Complaint</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Subject</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Priority</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Assignee</source>
        <translation>Assignee</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Customer</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>Tier</translation>
    </message>
    <message>
        <source>SLA due</source>
        <translation>SLA due</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Number</translation>
    </message>
    <message>
        <source>Call</source>
        <translation>Call</translation>
    </message>
    <message>
        <source>%1 d %2 h</source>
        <translation>%1 d %2 h</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
</context>
<context>
    <name>Wallboard</name>
    <message>
        <source>Calls waiting</source>
        <translation>Calls waiting</translation>
    </message>
    <message>
        <source>Longest wait</source>
        <translation>Longest wait</translation>
    </message>
    <message>
        <source>Service level</source>
        <translation>Service level</translation>
    </message>
    <message>
        <source>ASA</source>
        <translation>ASA</translation>
    </message>
    <message>
        <source>AHT</source>
        <translation>AHT</translation>
    </message>
    <message>
        <source>Abandon rate</source>
        <translation>Abandon rate</translation>
    </message>
    <message>
        <source>Occupancy</source>
        <translation>Occupancy</translation>
    </message>
    <message>
        <source>Calls today</source>
        <translation>Calls today</translation>
    </message>
    <message>
        <source>Agents</source>
        <translation>Agents</translation>
    </message>
    <message>
        <source>Agents needed now</source>
        <translation>Agents needed now</translation>
    </message>
    <message>
        <source>CSAT</source>
        <translation>CSAT</translation>
    </message>
    <message>
        <source>NPS</source>
        <translation>NPS</translation>
    </message>
    <message>
        <source>CES</source>
        <translation>CES</translation>
    </message>
    <message>
        <source>s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 min: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>peak: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>answered max: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>goal %1 %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>offered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>answered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>abandoned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>short abandons (under %1 s): %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>paused: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>needed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>staffed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no handled calls yet in the last %1 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the goal cannot be reached at this load</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 calls/h · AHT %2 · %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 answers today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>longer than this pause reason allows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Longest wait, s</source>
        <translation>Longest wait, s</translation>
    </message>
    <message>
        <source>Service level, %</source>
        <translation>Service level, %</translation>
    </message>
    <message>
        <source>ASA, s</source>
        <translation>ASA, s</translation>
    </message>
    <message>
        <source>AHT, s</source>
        <translation>AHT, s</translation>
    </message>
    <message>
        <source>Abandon rate, %</source>
        <translation>Abandon rate, %</translation>
    </message>
    <message>
        <source>Occupancy, %</source>
        <translation>Occupancy, %</translation>
    </message>
    <message>
        <source>Agents missing</source>
        <translation>Agents missing</translation>
    </message>
    <message>
        <source>CSAT, %</source>
        <translation>CSAT, %</translation>
    </message>
    <message>
        <source>KPI</source>
        <translation>KPI</translation>
    </message>
    <message>
        <source>Worse when</source>
        <translation>Worse when</translation>
    </message>
    <message>
        <source>Amber at</source>
        <translation>Amber at</translation>
    </message>
    <message>
        <source>Red at</source>
        <translation>Red at</translation>
    </message>
    <message>
        <source>Calm-down band</source>
        <translation>Calm-down band</translation>
    </message>
    <message>
        <source>Hold, s</source>
        <translation>Hold, s</translation>
    </message>
    <message>
        <source>On</source>
        <translation>On</translation>
    </message>
    <message>
        <source>Alarm thresholds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>higher</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>lower</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: red must be beyond amber in the worse direction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Ready</translation>
    </message>
    <message>
        <source>On a call</source>
        <translation>On a call</translation>
    </message>
    <message>
        <source>Wrap-up</source>
        <translation>Wrap-up</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>Paused</translation>
    </message>
    <message>
        <source>Logged out</source>
        <translation>Logged out</translation>
    </message>
    <message>
        <source>Call</source>
        <translation>Call</translation>
    </message>
    <message>
        <source>Wrap</source>
        <translation>Wrap</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <source>Out</source>
        <translation>Out</translation>
    </message>
    <message>
        <source>no data</source>
        <translation>no data</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>WARNING</source>
        <translation>WARNING</translation>
    </message>
    <message>
        <source>ALARM</source>
        <translation>ALARM</translation>
    </message>
    <message>
        <source>No agent is logged in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>+%1 more agents: switch dense mode (D) or give the grid more room</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Service level, last 15 min, %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>goal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wallboard error: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agents logged in: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reading today&apos;s calls…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>data is %1 s old</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reconnecting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>connecting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>live</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No formula: this tile shows a count.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not save the wallboard settings: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wallboard · all queues</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>auto</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Click a tile or press %1 for its formula · D: dense grid (%2) · T: thresholds · S: sound on red (%3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Desktop Agent — Wallboard</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WrapupPane</name>
    <message>
        <source>Wrap-up</source>
        <translation>Wrap-up</translation>
    </message>
    <message>
        <source>(needs a ticket)</source>
        <translation>(needs a ticket)</translation>
    </message>
    <message>
        <source>No call to wrap up</source>
        <translation>No call to wrap up</translation>
    </message>
    <message>
        <source>After-call work</source>
        <translation>After-call work</translation>
    </message>
    <message>
        <source>Outcome of the current call</source>
        <translation>Outcome of the current call</translation>
    </message>
    <message>
        <source>Finish and go Ready (%1)</source>
        <translation>Finish and go Ready (%1)</translation>
    </message>
    <message>
        <source>Choose a disposition: press 1–9.</source>
        <translation>Choose a disposition: press 1–9.</translation>
    </message>
    <message>
        <source>The disposition can be chosen during the call; it is required before you go Ready.</source>
        <translation>The disposition can be chosen during the call; it is required before you go Ready.</translation>
    </message>
    <message>
        <source>&amp;Disposition (required)</source>
        <translation>&amp;Disposition (required)</translation>
    </message>
    <message>
        <source>&amp;Notes</source>
        <translation>&amp;Notes</translation>
    </message>
    <message>
        <source>Go Ready by itself when wrap-up time is up</source>
        <translation>Go Ready by itself when wrap-up time is up</translation>
    </message>
    <message>
        <source>Wrap-up limit: %1</source>
        <translation>Wrap-up limit: %1</translation>
    </message>
    <message>
        <source>No wrap-up limit is set</source>
        <translation>No wrap-up limit is set</translation>
    </message>
</context>
</TS>
