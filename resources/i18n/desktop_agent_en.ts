<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en_GB">
<context>
    <name>AboutDialog</name>
    <message>
        <source>This program uses Qt %1 through Qt for Python (PySide6) %2, used under the GNU Lesser General Public License version 3 (LGPL-3.0). Qt is a product of The Qt Company Ltd and its contributors. You may replace the Qt and PySide6 libraries shipped with this program by your own, modified builds of compatible versions; the installed program loads them from its own folder. The source code of Qt and Qt for Python is available from the Qt Project (https://download.qt.io) and on request. The full text of the LGPL-3.0 is included below.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About Desktop Agent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Components</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Qt licence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About Qt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Telephony</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Python</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Qt / PySide6</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One window for call-centre operators: screen-pop, tickets, templates, the de-escalation checklist and call control.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This program is free software under the GNU General Public License, version 3 or later, and comes with ABSOLUTELY NO WARRANTY. See the Components tab for the licences of the parts it is built from.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Component</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Licence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The licence text is missing from this installation.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Actions</name>
    <message>
        <source>Call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Panes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answer the ringing call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decline the ringing or waiting call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Put the caller on hold, or take them back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Switch your microphone off or on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transfer…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transfer the call to a number or extension</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keypad…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send tones (DTMF) to the caller&apos;s system</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hang up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>End the call and start wrap-up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ready</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Take calls; during wrap-up, finish it first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not ready…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop taking calls, with a reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose disposition</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go to the disposition list (then 1–9 picks one)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the interface in Russian</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the interface in English</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Light theme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dark theme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reset layout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Put every pane back where it started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show every shortcut</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About Desktop Agent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checklist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Caller type…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the kind of caller: it sets the checklist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tick checklist step %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In the disposition list: choose that disposition</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In the keypad: send that tone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close this overlay, a dialog or a menu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Templates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find a template</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go to the template search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Insert template</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Insert the selected template into the ticket</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy template</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the selected template, filled in, to the clipboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Put on a number key…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Make the selected template a favourite on Alt+1…9</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Insert favourite %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ticket</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save ticket</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the ticket in the editor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New ticket from call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A new ticket filled in from the current call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Link call to open ticket…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add the call to one of the caller&apos;s open tickets instead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Escalate ticket…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Up one tier, L1 → L2 → L3; asks for the reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ticket history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the ticket&apos;s history and comments</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CallBar</name>
    <message>
        <source>Transfer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Number or extension:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Logged out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not ready</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ready</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>then Ready</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>then Not ready: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ringing for</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On hold for</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrap-up time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrap-up time left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Call time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Also ringing: %1 · %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Call bar</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CallFlow</name>
    <message>
        <source>Telephony: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transfer failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transfer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tones</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hang up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no call.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 failed: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not save: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CallWords</name>
    <message>
        <source>Ringing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Talking</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On hold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrap-up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no ringing call to answer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only possible while talking.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The call is not on hold.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no connected call.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The call has already ended.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrap-up has not started: the call is still going.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a disposition before going Ready.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown disposition code.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only digits, * and # can be sent as tones.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter a number or extension to transfer to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Call ended</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The caller hung up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You hung up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Call declined</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not answered in time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The caller gave up while ringing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Call transferred</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The call failed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CardWords</name>
    <message>
        <source>Consumer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Small business</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Corporate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Government</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Russian</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>English</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ChecklistPane</name>
    <message>
        <source>Conflict checklist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Steps are ticked during a call.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” has no step “%2”: its tick would be dropped. Switch anyway?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Caller:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Suggested phrases (click or Enter inserts):</source>
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
    <message>
        <source>Hide (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ChecklistWords</name>
    <message>
        <source>Any upset caller</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Aggressive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chronically dissatisfied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Storyteller</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inflated expectations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The caller has been on hold for %1. Go back to them, even if only to say how it is going.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It has been quiet for %1. Check the caller is still there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The call has lasted %1. Sum up what you know so far.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DtmfPad</name>
    <message>
        <source>Keypad</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type digits, * or # to send them. Esc closes.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EscalationDialog</name>
    <message>
        <source>Escalate ticket</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Escalate %1 from %2 to %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reason (required): what was tried, why the next line is needed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Escalate</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HelpOverlay</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every button&apos;s tooltip shows its shortcut too. Esc or F1 closes.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>KpiFormula</name>
    <message>
        <source>answered within {T} s / (answered + abandoned after {T} s + sent out of the queue after {T} s); abandons under {S} s left out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cisco, abandons ignored: answered within {T} s / (service-level calls offered - abandoned within {T} s); abandons under {S} s left out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cisco, abandons count against: answered within {T} s / service-level calls offered; abandons under {S} s left out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cisco, abandons count for: (answered within {T} s + abandoned within {T} s) / service-level calls offered; abandons under {S} s left out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Genesys: answered within {T} s / (answered + abandoned - abandons under {S} s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amazon Connect: calls answered or abandoned within {T} s / calls that left the queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Asterisk SL: answered within {T} s / answered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Asterisk SL2: (answered within {T} s + abandoned or timed out within {T} s) / (answered + abandoned + timed out)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>calls that entered the queue (ENTERQUEUE)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>calls connected to an agent (CONNECT)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>callers who hung up while queued after {S} s or longer (ABANDON)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>callers who hung up while queued in under {S} s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>calls the queue sent away at its time limit (EXITWITHTIMEOUT)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>calls that left because no agent was available (EXITEMPTY)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>callers queued now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>seconds the oldest caller still queued has waited</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sum of waits from ENTERQUEUE to CONNECT (ring time included) / answered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(talk + hold + wrap-up) / handled calls, counted in the interval where wrap-up ends (WRAPUPEND, else COMPLETE or TRANSFER)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>abandoned after {S} s or longer / (offered - abandons under {S} s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>agent time on calls and wrap-up / (that time + ready idle time)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>answers of 4 or 5 / all answers, on a 1-5 scale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>% of answers 9-10 - % of answers 0-6, on a 0-10 scale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mean answer on a 1-7 scale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>contacts with no repeat contact from the same customer on the same issue category within {days} days / contacts whose {days} days have passed or that were repeated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>logged-in agents by state: ready, on a call, wrap-up, paused (with reason); and logged out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Erlang C: the fewest agents whose predicted service level reaches {goal} % within {T} s, at the last {minutes} minutes&apos; arrival rate ({rate} calls/h) and AHT ({aht} s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Erlang A: the fewest agents whose predicted service level reaches {goal} % within {T} s, at the last {minutes} minutes&apos; arrival rate ({rate} calls/h) and AHT ({aht} s), with callers&apos; mean patience {patience} s (time waited by all callers / abandons)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>staffed = agents ready + on a call + in wrap-up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Big figure: today since midnight. Small figure: the last {minutes} minutes.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>KpiStrip</name>
    <message>
        <source>Calls today: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>My AHT: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>My wrap-up: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Calls you answered and finished today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Average handling time: (talk + hold + wrap-up) ÷ handled calls</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Average after-call work per handled call</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LastContactsModel</name>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Talk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>missed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no outcome</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LinkTicketDialog</name>
    <message>
        <source>Link the call to an open ticket</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open tickets of %1. The call is added to the chosen ticket&apos;s history.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Link</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>registered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>starting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unavailable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>restarting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Telephony: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Database: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Desktop Agent — operator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Agent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Panes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>My day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for calls. The caller&apos;s card and the ticket appear here when a call rings.
F1 lists every shortcut.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Layout reset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quit during a call?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A call is still open. Quit anyway? The call record keeps what was saved so far.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProvisionalContactForm</name>
    <message>
        <source>“%1” is not a phone number. Correct it or leave it empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the caller&apos;s name (or a number) to save a contact.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The notes are too long: %1 characters, at most %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved (database problem): %1. Your text is kept; try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask for the name and save a contact, or link the call to an existing customer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Full name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Num&amp;ber</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Surname First name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Maybe an existing customer:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create a provisional contact and link this call to it (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lin&amp;k call to selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Put this call on the selected customer instead (Enter in the list)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ScreenPopCard</name>
    <message>
        <source>Caller</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Anonymous caller</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No caller ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>queue %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This number is also used by: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(no name yet)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown caller</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>↻ Repeat caller · %1 in 7 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open tickets (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open tickets: none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last contacts: none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last contacts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Looking up the caller…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Still looking up the caller…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The customer lookup did not answer. Caller ID as received: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The customer database did not answer in full: what is shown may be incomplete. Caller ID as received: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Second call ringing: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contact saved and linked to this call.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This call is now linked to the customer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No call.
The caller&apos;s card appears here when a call rings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>★ VIP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Provisional contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Segment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Company</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter or double-click opens the ticket in the editor</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SuggestionsModel</name>
    <message>
        <source>same number and name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>same number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>similar name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1
Numbers: %2
Language: %3</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TemplateWords</name>
    <message>
        <source>Greeting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Identification</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Billing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delivery</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Technical</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hold and transfer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>De-escalation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Closing</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TemplatesPane</name>
    <message>
        <source>Templates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All categories</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No template has “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No templates in this category.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown variable, left as written: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No value yet: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The preview shows the beginning; insert and copy take the whole text.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No ticket to insert into: “%1” is copied instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copied: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no template “%1” in this language.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing is on Alt+%1 yet: select a template and press Alt+0.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is on Alt+%2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is off the number keys.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;0   Take off its number key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a template first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search templates (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Insert into ticket</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Number key…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TicketEditor</name>
    <message>
        <source>Ticket</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the new ticket</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your changes to %1 are not saved. Discard them?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comments can be added once the ticket is saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Call to the %1 line: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Call from %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Call: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Caller: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queue: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Linking needs a call, and there is no call now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The caller is not known: save a contact on the caller card first, or create a new ticket (Ctrl+N).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has no open tickets: create a new one (Ctrl+N).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The call is linked to ticket %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to save: no field has changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved: ticket %1 was changed on another desktop while you were editing. Your text is kept. Reload shows their version (your changes are dropped); Merge puts your changes on top of theirs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refused: %1. Your text is kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved, the database did not answer: %1. Your text is kept; try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ticket %1 was updated on another desktop.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ticket %1 was changed elsewhere: reload it, or merge your unsaved changes into the new version.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merged with the newer version. Changed on both sides, your value kept: %1. Check and save.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merged with the newer version: no field was changed on both sides. Save to store your changes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the ticket before escalating it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ticket %1 is already at %2, the highest tier.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ticket %1 is closed or resolved: reopen it before escalating.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An escalation needs a reason: nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Escalated to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a customer on record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unassigned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Me (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>another agent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assign to another agent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agent&apos;s login:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No agent has the login “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New ticket — not saved yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>• unsaved changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Support tier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>History (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SLA: %1 h from saving</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SLA: overdue by %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SLA: stopped (resolved)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SLA: stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SLA: %1 left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Due %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No ticket open.

Ctrl+N — a new ticket from the call
Ctrl+L — link the call to one of the caller&apos;s open tickets
F2 — the caller card: Enter opens one of their tickets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reload</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the stored version; your unsaved changes are dropped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Take the stored version and keep your changed fields on top</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New from call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Link to open ticket…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Escalate to the next tier; a reason is required (Ctrl+Shift+U)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TicketForm</name>
    <message>
        <source>— none —</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another agent…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The subject is required: say in a few words what the caller needs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The subject is too long: %1 characters, at most %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The category is longer than %1 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The description is too long: %1 characters, at most %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a status.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Subject</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ca&amp;tegory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Priority</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stat&amp;us</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assi&amp;gnee</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>D&amp;escription</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the caller needs, in a few words</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What happened, what was checked, what was promised</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use the caller</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Escalate…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TicketHistoryModel</name>
    <message>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>system</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>another record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created ticket %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comment: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Escalated %1 → %2. Reason: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Linked to a call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 → %3</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TicketHistoryView</name>
    <message>
        <source>No history yet: it starts when the ticket is saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Co&amp;mment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A note for colleagues; it does not change the ticket</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add c&amp;omment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add the comment to the ticket history</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TicketListModel</name>
    <message>
        <source>No.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subject</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SLA</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>overdue %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TicketWords</name>
    <message>
        <source>New</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Escalated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Low</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Normal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>High</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Urgent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>General</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Technical</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Billing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delivery</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Complaint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subject</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Priority</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assignee</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SLA due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Call</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Wallboard</name>
    <message>
        <source>Calls waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Longest wait</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Service level</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ASA</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AHT</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Abandon rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Occupancy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Calls today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agents needed now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSAT</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NPS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CES</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Longest wait, s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Service level, %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ASA, s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AHT, s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Abandon rate, %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Occupancy, %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agents missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSAT, %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>KPI</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Worse when</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amber at</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Red at</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Calm-down band</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hold, s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ready</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On a call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrap-up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Logged out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrap</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OK</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WARNING</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ALARM</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WrapupPane</name>
    <message>
        <source>Wrap-up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(needs a ticket)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No call to wrap up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>After-call work</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outcome of the current call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finish and go Ready (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a disposition: press 1–9.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The disposition can be chosen during the call; it is required before you go Ready.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Disposition (required)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go Ready by itself when wrap-up time is up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrap-up limit: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No wrap-up limit is set</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
