<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru" sourcelanguage="en_GB">
<context>
    <name>AboutDialog</name>
    <message>
        <source>This program uses Qt %1 through Qt for Python (PySide6) %2, used under the GNU Lesser General Public License version 3 (LGPL-3.0). Qt is a product of The Qt Company Ltd and its contributors. You may replace the Qt and PySide6 libraries shipped with this program by your own, modified builds of compatible versions; the installed program loads them from its own folder. The source code of Qt and Qt for Python is available from the Qt Project (https://download.qt.io) and on request. The full text of the LGPL-3.0 is included below.</source>
        <translation>Программа использует Qt %1 через Qt for Python (PySide6) %2 на условиях GNU Lesser General Public License версии 3 (LGPL-3.0). Qt — продукт The Qt Company Ltd и её участников. Вы вправе заменить поставляемые с программой библиотеки Qt и PySide6 собственными изменёнными сборками совместимых версий: установленная программа загружает их из своей папки. Исходный код Qt и Qt for Python доступен в Qt Project (https://download.qt.io) и предоставляется по запросу. Полный текст LGPL-3.0 приведён ниже.</translation>
    </message>
    <message>
        <source>About Desktop Agent</source>
        <translation>О программе Desktop Agent</translation>
    </message>
    <message>
        <source>About</source>
        <translation>О программе</translation>
    </message>
    <message>
        <source>Components</source>
        <translation>Компоненты</translation>
    </message>
    <message>
        <source>Qt licence</source>
        <translation>Лицензия Qt</translation>
    </message>
    <message>
        <source>About Qt</source>
        <translation>О Qt</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Версия</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>База данных</translation>
    </message>
    <message>
        <source>Telephony</source>
        <translation>Телефония</translation>
    </message>
    <message>
        <source>Settings file</source>
        <translation>Файл настроек</translation>
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
        <translation>Одно окно для оператора колл-центра: карточка звонящего, заявки, шаблоны ответов, чек-лист деэскалации и управление звонком.</translation>
    </message>
    <message>
        <source>This program is free software under the GNU General Public License, version 3 or later, and comes with ABSOLUTELY NO WARRANTY. See the Components tab for the licences of the parts it is built from.</source>
        <translation>Это свободная программа, распространяемая на условиях GNU General Public License версии 3 или более поздней, БЕЗ КАКИХ-ЛИБО ГАРАНТИЙ. Лицензии компонентов, из которых она собрана, — на вкладке «Компоненты».</translation>
    </message>
    <message>
        <source>Component</source>
        <translation>Компонент</translation>
    </message>
    <message>
        <source>Licence</source>
        <translation>Лицензия</translation>
    </message>
    <message>
        <source>No licence text of this component is included. Its licence: %1</source>
        <translation>Текст лицензии этого компонента не приложен. Его лицензия: %1</translation>
    </message>
    <message>
        <source>The licence text is missing from this installation.</source>
        <translation>Текст лицензии в этой установке отсутствует.</translation>
    </message>
</context>
<context>
    <name>Actions</name>
    <message>
        <source>Call</source>
        <translation>Звонок</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>Оператор</translation>
    </message>
    <message>
        <source>View</source>
        <translation>Вид</translation>
    </message>
    <message>
        <source>Help</source>
        <translation>Справка</translation>
    </message>
    <message>
        <source>Panes</source>
        <translation>Панели</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>Ответить</translation>
    </message>
    <message>
        <source>Answer the ringing call</source>
        <translation>Ответить на входящий звонок</translation>
    </message>
    <message>
        <source>Decline</source>
        <translation>Отклонить</translation>
    </message>
    <message>
        <source>Decline the ringing or waiting call</source>
        <translation>Отклонить входящий или ожидающий звонок</translation>
    </message>
    <message>
        <source>Hold</source>
        <translation>Удержание</translation>
    </message>
    <message>
        <source>Put the caller on hold, or take them back</source>
        <translation>Поставить абонента на удержание или снять с него</translation>
    </message>
    <message>
        <source>Mute</source>
        <translation>Без звука</translation>
    </message>
    <message>
        <source>Switch your microphone off or on</source>
        <translation>Выключить или включить ваш микрофон</translation>
    </message>
    <message>
        <source>Transfer…</source>
        <translation>Перевести…</translation>
    </message>
    <message>
        <source>Transfer the call to a number or extension</source>
        <translation>Перевести звонок на номер или внутренний номер</translation>
    </message>
    <message>
        <source>Keypad…</source>
        <translation>Тональный набор…</translation>
    </message>
    <message>
        <source>Send tones (DTMF) to the caller&apos;s system</source>
        <translation>Отправить тоновые сигналы (DTMF) в систему абонента</translation>
    </message>
    <message>
        <source>Hang up</source>
        <translation>Завершить</translation>
    </message>
    <message>
        <source>End the call and start wrap-up</source>
        <translation>Завершить звонок и перейти к постобработке</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Готов</translation>
    </message>
    <message>
        <source>Take calls; during wrap-up, finish it first</source>
        <translation>Принимать звонки; во время постобработки — сначала завершить её</translation>
    </message>
    <message>
        <source>Not ready…</source>
        <translation>Не готов…</translation>
    </message>
    <message>
        <source>Stop taking calls, with a reason</source>
        <translation>Перестать принимать звонки, указав причину</translation>
    </message>
    <message>
        <source>Choose disposition</source>
        <translation>Выбрать итог звонка</translation>
    </message>
    <message>
        <source>Go to the disposition list (then 1–9 picks one)</source>
        <translation>Перейти к списку итогов (затем 1–9 выбирает итог)</translation>
    </message>
    <message>
        <source>Show the interface in Russian</source>
        <translation>Показывать интерфейс на русском</translation>
    </message>
    <message>
        <source>Show the interface in English</source>
        <translation>Показывать интерфейс на английском</translation>
    </message>
    <message>
        <source>Light theme</source>
        <translation>Светлая тема</translation>
    </message>
    <message>
        <source>Dark theme</source>
        <translation>Тёмная тема</translation>
    </message>
    <message>
        <source>Reset layout</source>
        <translation>Сбросить расположение панелей</translation>
    </message>
    <message>
        <source>Put every pane back where it started</source>
        <translation>Вернуть все панели на исходные места</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Выход</translation>
    </message>
    <message>
        <source>Settings…</source>
        <translation>Настройки…</translation>
    </message>
    <message>
        <source>Wrap-up limit and auto-Ready, language, theme, agent login</source>
        <translation>Лимит постобработки и автопереход в «Готов», язык, тема, логин оператора</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Сочетания клавиш</translation>
    </message>
    <message>
        <source>Show every shortcut</source>
        <translation>Показать все сочетания клавиш</translation>
    </message>
    <message>
        <source>About Desktop Agent</source>
        <translation>О программе Desktop Agent</translation>
    </message>
    <message>
        <source>Checklist</source>
        <translation>Чек-лист</translation>
    </message>
    <message>
        <source>Caller type…</source>
        <translation>Тип абонента…</translation>
    </message>
    <message>
        <source>Choose the kind of caller: it sets the checklist</source>
        <translation>Выбрать тип абонента: от него зависит чек-лист</translation>
    </message>
    <message>
        <source>Tick checklist step %1</source>
        <translation>Отметить шаг чек-листа %1</translation>
    </message>
    <message>
        <source>In the disposition list: choose that disposition</source>
        <translation>В списке итогов: выбрать соответствующий итог</translation>
    </message>
    <message>
        <source>In the keypad: send that tone</source>
        <translation>В окне тонального набора: отправить этот сигнал</translation>
    </message>
    <message>
        <source>Close this overlay, a dialog or a menu</source>
        <translation>Закрыть эту подсказку, диалог или меню</translation>
    </message>
    <message>
        <source>Templates</source>
        <translation>Шаблоны</translation>
    </message>
    <message>
        <source>Find a template</source>
        <translation>Найти шаблон</translation>
    </message>
    <message>
        <source>Go to the template search</source>
        <translation>Перейти к поиску шаблонов</translation>
    </message>
    <message>
        <source>Insert template</source>
        <translation>Вставить шаблон</translation>
    </message>
    <message>
        <source>Insert the selected template into the ticket</source>
        <translation>Вставить выбранный шаблон в заявку</translation>
    </message>
    <message>
        <source>Copy template</source>
        <translation>Копировать шаблон</translation>
    </message>
    <message>
        <source>Copy the selected template, filled in, to the clipboard</source>
        <translation>Скопировать выбранный шаблон с подставленными данными в буфер обмена</translation>
    </message>
    <message>
        <source>Put on a number key…</source>
        <translation>Назначить цифровую клавишу…</translation>
    </message>
    <message>
        <source>Make the selected template a favourite on Alt+1…9</source>
        <translation>Сделать выбранный шаблон избранным на Alt+1…9</translation>
    </message>
    <message>
        <source>Insert favourite %1</source>
        <translation>Вставить избранный шаблон %1</translation>
    </message>
    <message>
        <source>Ticket</source>
        <translation>Заявка</translation>
    </message>
    <message>
        <source>Save ticket</source>
        <translation>Сохранить заявку</translation>
    </message>
    <message>
        <source>Save the ticket in the editor</source>
        <translation>Сохранить заявку из редактора</translation>
    </message>
    <message>
        <source>New ticket from call</source>
        <translation>Новая заявка по звонку</translation>
    </message>
    <message>
        <source>A new ticket filled in from the current call</source>
        <translation>Новая заявка, заполненная по текущему звонку</translation>
    </message>
    <message>
        <source>Link call to open ticket…</source>
        <translation>Привязать звонок к открытой заявке…</translation>
    </message>
    <message>
        <source>Add the call to one of the caller&apos;s open tickets instead</source>
        <translation>Вместо новой заявки добавить звонок к одной из открытых заявок абонента</translation>
    </message>
    <message>
        <source>Escalate ticket…</source>
        <translation>Эскалировать заявку…</translation>
    </message>
    <message>
        <source>Up one tier, L1 → L2 → L3; asks for the reason</source>
        <translation>На линию выше, L1 → L2 → L3; нужно указать причину</translation>
    </message>
    <message>
        <source>Ticket history</source>
        <translation>История заявки</translation>
    </message>
    <message>
        <source>Show the ticket&apos;s history and comments</source>
        <translation>Показать историю и комментарии заявки</translation>
    </message>
    <message>
        <source>Wallboard on its own screen</source>
        <translation>Табло на отдельном экране</translation>
    </message>
    <message>
        <source>Float the wallboard full size onto the second screen, or dock it back</source>
        <translation>Вынести табло во весь второй экран или вернуть его в окно</translation>
    </message>
</context>
<context>
    <name>CallBar</name>
    <message>
        <source>Transfer</source>
        <translation>Перевод звонка</translation>
    </message>
    <message>
        <source>Number or extension:</source>
        <translation>Номер или внутренний номер:</translation>
    </message>
    <message>
        <source>Logged out</source>
        <translation>Не в системе</translation>
    </message>
    <message>
        <source>Not ready</source>
        <translation>Не готов</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Готов</translation>
    </message>
    <message>
        <source>then Ready</source>
        <translation>затем «Готов»</translation>
    </message>
    <message>
        <source>then Not ready: %1</source>
        <translation>затем «Не готов»: %1</translation>
    </message>
    <message>
        <source>No call</source>
        <translation>Нет звонка</translation>
    </message>
    <message>
        <source>Ringing for</source>
        <translation>Звонит уже</translation>
    </message>
    <message>
        <source>On hold for</source>
        <translation>На удержании уже</translation>
    </message>
    <message>
        <source>Wrap-up time</source>
        <translation>Время постобработки</translation>
    </message>
    <message>
        <source>Wrap-up time left</source>
        <translation>Осталось времени на постобработку</translation>
    </message>
    <message>
        <source>Call time</source>
        <translation>Длительность звонка</translation>
    </message>
    <message>
        <source>Call bar</source>
        <translation>Панель звонка</translation>
    </message>
</context>
<context>
    <name>CallFlow</name>
    <message>
        <source>Telephony: %1</source>
        <translation>Телефония: %1</translation>
    </message>
    <message>
        <source>Decline</source>
        <translation>Отклонить</translation>
    </message>
    <message>
        <source>Transfer failed: %1</source>
        <translation>Перевод не удался: %1</translation>
    </message>
    <message>
        <source>The call&apos;s unsaved ticket is kept as a draft: the ticket pane lists it.</source>
        <translation>Несохранённая заявка звонка оставлена черновиком: она есть в списке на панели заявки.</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>Ответить</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Снять с удержания</translation>
    </message>
    <message>
        <source>Hold</source>
        <translation>Удержание</translation>
    </message>
    <message>
        <source>Mute</source>
        <translation>Без звука</translation>
    </message>
    <message>
        <source>Transfer</source>
        <translation>Перевод</translation>
    </message>
    <message>
        <source>Tones</source>
        <translation>Тональный набор</translation>
    </message>
    <message>
        <source>Hang up</source>
        <translation>Завершение</translation>
    </message>
    <message>
        <source>There is no call.</source>
        <translation>Звонка нет.</translation>
    </message>
    <message>
        <source>%1 failed: %2</source>
        <translation>%1: не удалось — %2</translation>
    </message>
    <message>
        <source>Could not save: %1</source>
        <translation>Не удалось сохранить: %1</translation>
    </message>
</context>
<context>
    <name>CallWords</name>
    <message>
        <source>Ringing</source>
        <translation>Входящий</translation>
    </message>
    <message>
        <source>Talking</source>
        <translation>Разговор</translation>
    </message>
    <message>
        <source>On hold</source>
        <translation>Удержание</translation>
    </message>
    <message>
        <source>Wrap-up</source>
        <translation>Постобработка</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Завершён</translation>
    </message>
    <message>
        <source>There is no ringing call to answer.</source>
        <translation>Нет входящего звонка, на который можно ответить.</translation>
    </message>
    <message>
        <source>Only possible while talking.</source>
        <translation>Возможно только во время разговора.</translation>
    </message>
    <message>
        <source>The call is not on hold.</source>
        <translation>Звонок не на удержании.</translation>
    </message>
    <message>
        <source>There is no connected call.</source>
        <translation>Нет соединённого звонка.</translation>
    </message>
    <message>
        <source>The call has already ended.</source>
        <translation>Звонок уже завершён.</translation>
    </message>
    <message>
        <source>Wrap-up has not started: the call is still going.</source>
        <translation>Постобработка ещё не началась: звонок продолжается.</translation>
    </message>
    <message>
        <source>Choose a disposition before going Ready.</source>
        <translation>Выберите итог звонка, прежде чем перейти в «Готов».</translation>
    </message>
    <message>
        <source>Unknown disposition code.</source>
        <translation>Неизвестный код итога звонка.</translation>
    </message>
    <message>
        <source>Only digits, * and # can be sent as tones.</source>
        <translation>Тоновым набором можно отправить только цифры, * и #.</translation>
    </message>
    <message>
        <source>Enter a number or extension to transfer to.</source>
        <translation>Введите номер или внутренний номер для перевода.</translation>
    </message>
    <message>
        <source>The call&apos;s ticket is not saved: save it, keep it as a draft or discard it.</source>
        <translation>Заявка звонка не сохранена: сохраните её, оставьте черновиком или удалите.</translation>
    </message>
    <message>
        <source>Call ended</source>
        <translation>Звонок завершён</translation>
    </message>
    <message>
        <source>The caller hung up</source>
        <translation>Абонент положил трубку</translation>
    </message>
    <message>
        <source>You hung up</source>
        <translation>Вы завершили звонок</translation>
    </message>
    <message>
        <source>Call declined</source>
        <translation>Звонок отклонён</translation>
    </message>
    <message>
        <source>Not answered in time</source>
        <translation>Нет ответа вовремя</translation>
    </message>
    <message>
        <source>The caller gave up while ringing</source>
        <translation>Абонент не дождался ответа</translation>
    </message>
    <message>
        <source>Call transferred</source>
        <translation>Звонок переведён</translation>
    </message>
    <message>
        <source>The call failed</source>
        <translation>Звонок сорвался</translation>
    </message>
</context>
<context>
    <name>CardWords</name>
    <message>
        <source>Consumer</source>
        <translation>Частное лицо</translation>
    </message>
    <message>
        <source>Small business</source>
        <translation>Малый бизнес</translation>
    </message>
    <message>
        <source>Corporate</source>
        <translation>Корпоративный клиент</translation>
    </message>
    <message>
        <source>Government</source>
        <translation>Госсектор</translation>
    </message>
    <message>
        <source>Russian</source>
        <translation>Русский</translation>
    </message>
    <message>
        <source>English</source>
        <translation>Английский</translation>
    </message>
</context>
<context>
    <name>ChecklistPane</name>
    <message>
        <source>Conflict checklist</source>
        <translation>Чек-лист конфликта</translation>
    </message>
    <message>
        <source>Steps are ticked during a call.</source>
        <translation>Шаги отмечаются во время звонка.</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 из %2</translation>
    </message>
    <message>
        <source>no call</source>
        <translation>нет звонка</translation>
    </message>
    <message>
        <source>“%1”</source>
        <translation>«%1»</translation>
    </message>
    <message>
        <source>Suggested phrases (click or Enter inserts):</source>
        <translation>Подходящие фразы (щелчок или Enter — вставить):</translation>
    </message>
    <message>
        <source>Hide (Esc)</source>
        <translation>Скрыть (Esc)</translation>
    </message>
    <message>
        <source>“%1” has no step “%2”: its tick would be dropped. Switch anyway?</source>
        <translation>В «%1» нет шага «%2»: его отметка пропадёт. Всё равно переключить?</translation>
    </message>
    <message>
        <source>&amp;Caller:</source>
        <translation>&amp;Абонент:</translation>
    </message>
    <message>
        <source>Switch</source>
        <translation>Переключить</translation>
    </message>
    <message>
        <source>Keep</source>
        <translation>Оставить</translation>
    </message>
</context>
<context>
    <name>ChecklistWords</name>
    <message>
        <source>Any upset caller</source>
        <translation>Любой недовольный абонент</translation>
    </message>
    <message>
        <source>Aggressive</source>
        <translation>Агрессивный</translation>
    </message>
    <message>
        <source>Chronically dissatisfied</source>
        <translation>Постоянно недовольный</translation>
    </message>
    <message>
        <source>Storyteller</source>
        <translation>Многословный</translation>
    </message>
    <message>
        <source>Inflated expectations</source>
        <translation>Завышенные ожидания</translation>
    </message>
    <message>
        <source>The caller has been on hold for %1. Go back to them, even if only to say how it is going.</source>
        <translation>Абонент на удержании уже %1. Вернитесь к нему, хотя бы чтобы сказать, как идут дела.</translation>
    </message>
    <message>
        <source>It has been quiet for %1. Check the caller is still there.</source>
        <translation>Тишина уже %1. Проверьте, что абонент на линии.</translation>
    </message>
    <message>
        <source>The call has lasted %1. Sum up what you know so far.</source>
        <translation>Звонок длится уже %1. Подведите итог того, что известно.</translation>
    </message>
    <message>
        <source>The long-silence cue is off on this line.</source>
        <translation>Подсказка о долгой паузе на этой линии не работает.</translation>
    </message>
    <message>
        <source>The phone connection (%1) cannot tell when the caller goes quiet, so the checklist cannot remind you of a long silence. Keep an eye on pauses yourself; the hold and call-length cues still work.</source>
        <translation>Телефонное подключение (%1) не сообщает, когда абонент замолкает, поэтому чек-лист не сможет напомнить о долгой паузе. Следите за паузами сами; подсказки об удержании и длительности звонка работают.</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 мин</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 с</translation>
    </message>
</context>
<context>
    <name>ConflictPanel</name>
    <message>
        <source>Use theirs</source>
        <translation>Их версия</translation>
    </message>
    <message>
        <source>Use mine</source>
        <translation>Моя версия</translation>
    </message>
    <message>
        <source>Keep both (edit)</source>
        <translation>Обе версии (правка)</translation>
    </message>
    <message>
        <source>The ticket keeps the other desk&apos;s version; yours is dropped</source>
        <translation>В заявке останется версия другого рабочего места; ваша будет отброшена</translation>
    </message>
    <message>
        <source>The ticket keeps your version; theirs is dropped</source>
        <translation>В заявке останется ваша версия; их версия будет отброшена</translation>
    </message>
    <message>
        <source>Both texts in one, yours first: edit the result on the right</source>
        <translation>Оба текста вместе, ваш первым: поправьте результат справа</translation>
    </message>
    <message>
        <source>kept</source>
        <translation>остаётся</translation>
    </message>
    <message>
        <source>Yours — not kept</source>
        <translation>Ваша версия — не остаётся</translation>
    </message>
    <message>
        <source>not kept</source>
        <translation>не остаётся</translation>
    </message>
    <message>
        <source>Yours — kept; you can edit it</source>
        <translation>Ваша версия — остаётся; её можно поправить</translation>
    </message>
    <message>
        <source>Yours — kept</source>
        <translation>Ваша версия — остаётся</translation>
    </message>
    <message>
        <source>included on the right</source>
        <translation>включена в текст справа</translation>
    </message>
    <message>
        <source>Yours and theirs — kept; edit as needed</source>
        <translation>Ваша и их — остаются обе; поправьте при необходимости</translation>
    </message>
    <message>
        <source>Theirs (%1) — %2</source>
        <translation>Их версия (%1) — %2</translation>
    </message>
</context>
<context>
    <name>DockTitleBar</name>
    <message>
        <source>Put back into the window</source>
        <translation>Вернуть в окно</translation>
    </message>
    <message>
        <source>Detach into its own window</source>
        <translation>Открепить в отдельное окно</translation>
    </message>
    <message>
        <source>Close the pane (View ▸ Panes brings it back)</source>
        <translation>Закрыть панель (Вид ▸ Панели вернёт её)</translation>
    </message>
</context>
<context>
    <name>DtmfPad</name>
    <message>
        <source>Keypad</source>
        <translation>Тональный набор</translation>
    </message>
    <message>
        <source>Type digits, * or # to send them. Esc closes.</source>
        <translation>Набирайте цифры, * или #, чтобы отправить их. Esc — закрыть.</translation>
    </message>
</context>
<context>
    <name>EscalationDialog</name>
    <message>
        <source>Escalate ticket</source>
        <translation>Эскалация заявки</translation>
    </message>
    <message>
        <source>Escalate %1 from %2 to %3.</source>
        <translation>Эскалировать %1 с %2 на %3.</translation>
    </message>
    <message>
        <source>&amp;Reason (required): what was tried, why the next line is needed</source>
        <translation>&amp;Причина (обязательно): что уже сделано и зачем нужна следующая линия</translation>
    </message>
    <message>
        <source>&amp;Escalate</source>
        <translation>&amp;Эскалировать</translation>
    </message>
    <message>
        <source>Escalate with this reason (Ctrl+Enter)</source>
        <translation>Эскалировать с этой причиной (Ctrl+Enter)</translation>
    </message>
</context>
<context>
    <name>HelpOverlay</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Сочетания клавиш</translation>
    </message>
    <message>
        <source>Every button&apos;s tooltip shows its shortcut too. Esc or F1 closes.</source>
        <translation>Сочетание клавиш показано и во всплывающей подсказке каждой кнопки. Esc или F1 — закрыть.</translation>
    </message>
</context>
<context>
    <name>KpiFormula</name>
    <message>
        <source>answered within %1 s / (answered + abandoned after %1 s + sent out of the queue after %1 s); abandons under %2 s left out</source>
        <translation>отвечено за %1 с / (отвечено + брошено позже %1 с + выведено из очереди позже %1 с); брошенные быстрее %2 с не учитываются</translation>
    </message>
    <message>
        <source>Cisco, abandons ignored: answered within %1 s / (service-level calls offered - abandoned within %1 s); abandons under %2 s left out</source>
        <translation>Cisco, брошенные не учитываются: отвечено за %1 с / (звонки уровня сервиса − брошено за %1 с); брошенные быстрее %2 с не учитываются</translation>
    </message>
    <message>
        <source>Cisco, abandons count against: answered within %1 s / service-level calls offered; abandons under %2 s left out</source>
        <translation>Cisco, брошенные идут в минус: отвечено за %1 с / звонки уровня сервиса; брошенные быстрее %2 с не учитываются</translation>
    </message>
    <message>
        <source>Cisco, abandons count for: (answered within %1 s + abandoned within %1 s) / service-level calls offered; abandons under %2 s left out</source>
        <translation>Cisco, брошенные идут в плюс: (отвечено за %1 с + брошено за %1 с) / звонки уровня сервиса; брошенные быстрее %2 с не учитываются</translation>
    </message>
    <message>
        <source>Genesys: answered within %1 s / (answered + abandoned - abandons under %2 s)</source>
        <translation>Genesys: отвечено за %1 с / (отвечено + брошено − брошено быстрее %2 с)</translation>
    </message>
    <message>
        <source>Amazon Connect: calls answered or abandoned within %1 s / calls that left the queue</source>
        <translation>Amazon Connect: отвечено или брошено за %1 с / звонки, покинувшие очередь</translation>
    </message>
    <message>
        <source>Asterisk SL: answered within %1 s / answered</source>
        <translation>Asterisk SL: отвечено за %1 с / отвечено</translation>
    </message>
    <message>
        <source>Asterisk SL2: (answered within %1 s + abandoned or timed out within %1 s) / (answered + abandoned + timed out)</source>
        <translation>Asterisk SL2: (отвечено за %1 с + брошено или снято по тайм-ауту за %1 с) / (отвечено + брошено + снято по тайм-ауту)</translation>
    </message>
    <message>
        <source>calls that entered the queue (ENTERQUEUE)</source>
        <translation>звонки, поступившие в очередь (ENTERQUEUE)</translation>
    </message>
    <message>
        <source>calls connected to an agent (CONNECT)</source>
        <translation>звонки, соединённые с оператором (CONNECT)</translation>
    </message>
    <message>
        <source>callers who hung up while queued after %1 s or longer (ABANDON)</source>
        <translation>абоненты, положившие трубку в очереди через %1 с или позже (ABANDON)</translation>
    </message>
    <message>
        <source>callers who hung up while queued in under %1 s</source>
        <translation>абоненты, положившие трубку в очереди быстрее %1 с</translation>
    </message>
    <message>
        <source>calls the queue sent away at its time limit (EXITWITHTIMEOUT)</source>
        <translation>звонки, выведенные из очереди по лимиту времени (EXITWITHTIMEOUT)</translation>
    </message>
    <message>
        <source>calls that left because no agent was available (EXITEMPTY)</source>
        <translation>звонки, ушедшие из-за отсутствия свободных операторов (EXITEMPTY)</translation>
    </message>
    <message>
        <source>callers queued now</source>
        <translation>абоненты в очереди сейчас</translation>
    </message>
    <message>
        <source>seconds the oldest caller still queued has waited</source>
        <translation>сколько секунд ждёт самый давний абонент в очереди</translation>
    </message>
    <message>
        <source>sum of waits from ENTERQUEUE to CONNECT (ring time included) / answered</source>
        <translation>сумма ожидания от ENTERQUEUE до CONNECT (с временем вызова) / отвечено</translation>
    </message>
    <message>
        <source>(talk + hold + wrap-up) / handled calls, counted in the interval where wrap-up ends (WRAPUPEND, else COMPLETE or TRANSFER)</source>
        <translation>(разговор + удержание + постобработка) / обработанные звонки; учитывается в интервале, где закончилась постобработка (WRAPUPEND, иначе COMPLETE или TRANSFER)</translation>
    </message>
    <message>
        <source>abandoned after %1 s or longer / (offered - abandons under %1 s)</source>
        <translation>брошено через %1 с и позже / (поступило − брошено быстрее %1 с)</translation>
    </message>
    <message>
        <source>agent time on calls and wrap-up / (that time + ready idle time)</source>
        <translation>время операторов на звонках и постобработке / (это время + время простоя в «Готов»)</translation>
    </message>
    <message>
        <source>answers of 4 or 5 / all answers, on a 1-5 scale</source>
        <translation>ответы 4 и 5 / все ответы, по шкале 1–5</translation>
    </message>
    <message>
        <source>% of answers 9-10 - % of answers 0-6, on a 0-10 scale</source>
        <translation>% ответов 9–10 − % ответов 0–6, по шкале 0–10</translation>
    </message>
    <message>
        <source>mean answer on a 1-7 scale</source>
        <translation>средний ответ по шкале 1–7</translation>
    </message>
    <message>
        <source>contacts with no repeat contact from the same customer on the same issue category within %1 days / contacts whose %1 days have passed or that were repeated</source>
        <translation>обращения без повторного обращения того же клиента по той же категории в течение %1 дн. / обращения, у которых %1 дн. прошли или был повтор</translation>
    </message>
    <message>
        <source>logged-in agents by state: ready, on a call, wrap-up, paused (with reason); and logged out</source>
        <translation>операторы в системе по состояниям: готов, на звонке, постобработка, пауза (с причиной); а также вышедшие из системы</translation>
    </message>
    <message>
        <source>Erlang C: the fewest agents whose predicted service level reaches %1 % within %2 s, at the last %3 minutes&apos; arrival rate (%4 calls/h) and AHT (%5 s)</source>
        <translation>Эрланг C: наименьшее число операторов, при котором прогноз уровня сервиса достигает %1 % за %2 с при потоке последних %3 мин (%4 звонков/ч) и AHT (%5 с)</translation>
    </message>
    <message>
        <source>Erlang A: the fewest agents whose predicted service level reaches %1 % within %2 s, at the last %3 minutes&apos; arrival rate (%4 calls/h) and AHT (%5 s), with callers&apos; mean patience %6 s (time waited by all callers / abandons)</source>
        <translation>Эрланг A: наименьшее число операторов, при котором прогноз уровня сервиса достигает %1 % за %2 с при потоке последних %3 мин (%4 звонков/ч) и AHT (%5 с), со средним терпением абонентов %6 с (общее время ожидания / брошенные)</translation>
    </message>
    <message>
        <source>staffed = agents ready + on a call + in wrap-up</source>
        <translation>в работе = операторы «Готов» + на звонке + на постобработке</translation>
    </message>
    <message>
        <source>Big figure: today since midnight. Small figure: the last %1 minutes.</source>
        <translation>Крупная цифра — сегодня с полуночи. Мелкая — за последние %1 мин.</translation>
    </message>
</context>
<context>
    <name>KpiStrip</name>
    <message>
        <source>Calls today: %1</source>
        <translation>Звонков сегодня: %1</translation>
    </message>
    <message>
        <source>My AHT: %1</source>
        <translation>Мой AHT: %1</translation>
    </message>
    <message>
        <source>My wrap-up: %1</source>
        <translation>Моя постобработка: %1</translation>
    </message>
    <message>
        <source>Calls you answered and finished today</source>
        <translation>Звонки, которые вы приняли и завершили сегодня</translation>
    </message>
    <message>
        <source>Average handling time: (talk + hold + wrap-up) ÷ handled calls</source>
        <translation>Среднее время обработки: (разговор + удержание + постобработка) ÷ обработанные звонки</translation>
    </message>
    <message>
        <source>Average after-call work per handled call</source>
        <translation>Средняя постобработка на один обработанный звонок</translation>
    </message>
</context>
<context>
    <name>LastContactsModel</name>
    <message>
        <source>Date</source>
        <translation>Дата</translation>
    </message>
    <message>
        <source>Queue</source>
        <translation>Очередь</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Итог</translation>
    </message>
    <message>
        <source>Talk</source>
        <translation>Разговор</translation>
    </message>
    <message>
        <source>missed</source>
        <translation>пропущен</translation>
    </message>
    <message>
        <source>in progress</source>
        <translation>идёт</translation>
    </message>
    <message>
        <source>no outcome</source>
        <translation>без итога</translation>
    </message>
</context>
<context>
    <name>LeadsBoardPane</name>
    <message>
        <source>Wallboard</source>
        <translation>Табло</translation>
    </message>
    <message>
        <source>The wallboard could not start: %1</source>
        <translation>Табло не удалось запустить: %1</translation>
    </message>
    <message>
        <source>Loading the wallboard…</source>
        <translation>Табло загружается…</translation>
    </message>
</context>
<context>
    <name>LinkTicketDialog</name>
    <message>
        <source>Link the call to an open ticket</source>
        <translation>Привязать звонок к открытой заявке</translation>
    </message>
    <message>
        <source>Open tickets of %1. The call is added to the chosen ticket&apos;s history.</source>
        <translation>Открытые заявки: %1. Звонок будет добавлен в историю выбранной заявки.</translation>
    </message>
    <message>
        <source>&amp;Link</source>
        <translation>&amp;Привязать</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>running</source>
        <translation>работает</translation>
    </message>
    <message>
        <source>registered</source>
        <translation>зарегистрирована</translation>
    </message>
    <message>
        <source>starting</source>
        <translation>запускается</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>остановлена</translation>
    </message>
    <message>
        <source>unavailable</source>
        <translation>недоступна</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>ошибка</translation>
    </message>
    <message>
        <source>restarting</source>
        <translation>перезапускается</translation>
    </message>
    <message>
        <source>Telephony: %1</source>
        <translation>Телефония: %1</translation>
    </message>
    <message>
        <source>Database: %1</source>
        <translation>База данных: %1</translation>
    </message>
    <message>
        <source>Desktop Agent — operator</source>
        <translation>Desktop Agent — оператор</translation>
    </message>
    <message>
        <source>&amp;Call</source>
        <translation>&amp;Звонок</translation>
    </message>
    <message>
        <source>&amp;Agent</source>
        <translation>&amp;Оператор</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Вид</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Язык</translation>
    </message>
    <message>
        <source>&amp;Panes</source>
        <translation>&amp;Панели</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Справка</translation>
    </message>
    <message>
        <source>My day</source>
        <translation>Мой день</translation>
    </message>
    <message>
        <source>Waiting for calls. The caller&apos;s card and the ticket appear here when a call rings.
F1 lists every shortcut.</source>
        <translation>Ожидание звонков. Карточка абонента и заявка появятся здесь, когда поступит звонок.
F1 — список всех сочетаний клавиш.</translation>
    </message>
    <message>
        <source>Layout reset</source>
        <translation>Расположение панелей сброшено</translation>
    </message>
    <message>
        <source>Quit during a call?</source>
        <translation>Выйти во время звонка?</translation>
    </message>
    <message>
        <source>A call is still open. Quit anyway? The call record keeps what was saved so far.</source>
        <translation>Звонок ещё не закончен. Всё равно выйти? В записи звонка останется то, что уже сохранено.</translation>
    </message>
</context>
<context>
    <name>MergeDialog</name>
    <message>
        <source>Merge ticket %1</source>
        <translation>Объединение заявки %1</translation>
    </message>
    <message>
        <source>Ticket %1 was saved on another desktop while you were editing. Changed on both sides: %2. Choose what the ticket keeps for each; fields changed on one side only are merged already.</source>
        <translation>Пока вы редактировали, заявку %1 сохранили на другом рабочем месте. Изменены с обеих сторон: %2. Выберите для каждого поля, что останется в заявке; поля, изменённые только с одной стороны, уже объединены.</translation>
    </message>
    <message>
        <source>Tab: next field · arrows: choose · Ctrl+Enter: apply · Esc: cancel, nothing changes</source>
        <translation>Tab — следующее поле · стрелки — выбор · Ctrl+Enter — применить · Esc — отмена, ничего не меняется</translation>
    </message>
    <message>
        <source>&amp;Apply</source>
        <translation>&amp;Применить</translation>
    </message>
    <message>
        <source>Put these values in the form; Save then stores them (Ctrl+Enter)</source>
        <translation>Перенести эти значения в форму; «Сохранить» затем запишет их (Ctrl+Enter)</translation>
    </message>
</context>
<context>
    <name>OutboxStatusLabel</name>
    <message>
        <source>The central database does not answer: your work is kept on this computer and sent when it is back.</source>
        <translation>Центральная база данных не отвечает: ваша работа сохраняется на этом компьютере и будет отправлена, когда связь вернётся.</translation>
    </message>
    <message>
        <source>Offline — %1 changes waiting, for %2</source>
        <translation>Нет связи с базой — ждут отправки: %1, уже %2</translation>
    </message>
    <message>
        <source>The central database does not answer. Calls, tickets and wrap-ups are kept on this computer and sent, in order and with their real times, as soon as it answers.</source>
        <translation>Центральная база данных не отвечает. Звонки, заявки и постобработка сохраняются на этом компьютере и будут отправлены по порядку, с их настоящим временем, как только она ответит.</translation>
    </message>
    <message>
        <source>Sending %1 changes…</source>
        <translation>Отправка изменений: %1…</translation>
    </message>
    <message>
        <source>%1 changes refused by the database</source>
        <translation>Отклонено базой данных: %1</translation>
    </message>
</context>
<context>
    <name>ProvisionalContactForm</name>
    <message>
        <source>“%1” is not a phone number. Correct it or leave it empty.</source>
        <translation>«%1» — не телефонный номер. Исправьте или оставьте поле пустым.</translation>
    </message>
    <message>
        <source>Enter the caller&apos;s name (or a number) to save a contact.</source>
        <translation>Чтобы сохранить контакт, введите имя абонента (или номер).</translation>
    </message>
    <message>
        <source>The notes are too long: %1 characters, at most %2.</source>
        <translation>Слишком длинные заметки: %1 знаков, допустимо не более %2.</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Сохранение…</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>Не сохранено: %1</translation>
    </message>
    <message>
        <source>Not saved (database problem): %1. Your text is kept; try again.</source>
        <translation>Не сохранено (ошибка базы данных): %1. Введённый текст сохранён в форме; попробуйте ещё раз.</translation>
    </message>
    <message>
        <source>Ask for the name and save a contact, or link the call to an existing customer.</source>
        <translation>Узнайте имя и сохраните контакт или привяжите звонок к существующему клиенту.</translation>
    </message>
    <message>
        <source>&amp;Full name</source>
        <translation>&amp;ФИО</translation>
    </message>
    <message>
        <source>Num&amp;ber</source>
        <translation>&amp;Номер</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Язык</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Заметки</translation>
    </message>
    <message>
        <source>Surname First name</source>
        <translation>Фамилия Имя</translation>
    </message>
    <message>
        <source>Maybe an existing customer:</source>
        <translation>Возможно, это существующий клиент:</translation>
    </message>
    <message>
        <source>Save contact</source>
        <translation>Сохранить контакт</translation>
    </message>
    <message>
        <source>Create a provisional contact and link this call to it (Enter)</source>
        <translation>Создать предварительный контакт и привязать к нему звонок (Enter)</translation>
    </message>
    <message>
        <source>Lin&amp;k call to selected</source>
        <translation>П&amp;ривязать звонок к выбранному</translation>
    </message>
    <message>
        <source>Put this call on the selected customer instead (Enter in the list)</source>
        <translation>Отнести звонок к выбранному клиенту (Enter в списке)</translation>
    </message>
</context>
<context>
    <name>ScreenPopCard</name>
    <message>
        <source>Caller</source>
        <translation>Абонент</translation>
    </message>
    <message>
        <source>Anonymous caller</source>
        <translation>Скрытый номер</translation>
    </message>
    <message>
        <source>No caller ID</source>
        <translation>Номер не определён</translation>
    </message>
    <message>
        <source>queue %1</source>
        <translation>очередь %1</translation>
    </message>
    <message>
        <source>This number is also used by: %1</source>
        <translation>Этот номер есть также у: %1</translation>
    </message>
    <message>
        <source>(no name yet)</source>
        <translation>(имя пока не указано)</translation>
    </message>
    <message>
        <source>Unknown caller</source>
        <translation>Неизвестный абонент</translation>
    </message>
    <message>
        <source>↻ Repeat: %1 in 7 days</source>
        <translation>↻ Повторно: %1 за 7 дней</translation>
    </message>
    <message>
        <source>Repeat caller: %1 contacts in the last 7 days</source>
        <translation>Повторное обращение. Обращений за последние 7 дней: %1</translation>
    </message>
    <message>
        <source>Open tickets (%1)</source>
        <translation>Открытые заявки (%1)</translation>
    </message>
    <message>
        <source>Open tickets: none</source>
        <translation>Открытых заявок нет</translation>
    </message>
    <message>
        <source>Last contacts: none</source>
        <translation>Прошлых обращений нет</translation>
    </message>
    <message>
        <source>Last contacts</source>
        <translation>Прошлые обращения</translation>
    </message>
    <message>
        <source>Looking up the caller…</source>
        <translation>Поиск абонента…</translation>
    </message>
    <message>
        <source>Still looking up the caller…</source>
        <translation>Поиск абонента всё ещё идёт…</translation>
    </message>
    <message>
        <source>The customer lookup did not answer. Caller ID as received: %1</source>
        <translation>Поиск клиента не ответил. Номер в том виде, как он пришёл: %1</translation>
    </message>
    <message>
        <source>The customer database did not answer in full: what is shown may be incomplete. Caller ID as received: %1</source>
        <translation>База клиентов ответила не полностью: показанные данные могут быть неполными. Номер в том виде, как он пришёл: %1</translation>
    </message>
    <message>
        <source>Second call ringing: %1</source>
        <translation>Второй входящий: %1</translation>
    </message>
    <message>
        <source>Contact saved and linked to this call.</source>
        <translation>Контакт сохранён и привязан к звонку.</translation>
    </message>
    <message>
        <source>This call is now linked to the customer.</source>
        <translation>Звонок привязан к клиенту.</translation>
    </message>
    <message>
        <source>No call.
The caller&apos;s card appears here when a call rings.</source>
        <translation>Звонка нет.
Карточка абонента появится здесь при входящем звонке.</translation>
    </message>
    <message>
        <source>★ VIP</source>
        <translation>★ VIP</translation>
    </message>
    <message>
        <source>Provisional contact</source>
        <translation>Предварительный контакт</translation>
    </message>
    <message>
        <source>Segment</source>
        <translation>Сегмент</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Язык</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>Компания</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Заметки</translation>
    </message>
    <message>
        <source>Enter or double-click opens the ticket in the editor</source>
        <translation>Enter или двойной щелчок открывает заявку в редакторе</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Wrap-up</source>
        <translation>Постобработка</translation>
    </message>
    <message>
        <source>Interface</source>
        <translation>Интерфейс</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>Оператор</translation>
    </message>
    <message>
        <source>&amp;Time limit:</source>
        <translation>Лимит &amp;времени:</translation>
    </message>
    <message>
        <source>Go &amp;Ready by itself when the time is up</source>
        <translation>Переходить в «&amp;Готов» автоматически, когда время истечёт</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Язык:</translation>
    </message>
    <message>
        <source>T&amp;heme:</source>
        <translation>&amp;Тема:</translation>
    </message>
    <message>
        <source>Agent l&amp;ogin:</source>
        <translation>&amp;Логин оператора:</translation>
    </message>
    <message>
        <source>A changed limit applies at once; a wrap-up already counting down is never cut short by it, only given more time.</source>
        <translation>Новый лимит действует сразу; идущую постобработку он не сокращает, а только продлевает.</translation>
    </message>
    <message>
        <source>Empty: your operating-system user name. Takes effect at the next start.</source>
        <translation>Пусто — имя пользователя операционной системы. Вступает в силу при следующем запуске.</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Светлая</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Тёмная</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Настройки</translation>
    </message>
    <message>
        <source> s</source>
        <translation> с</translation>
    </message>
    <message>
        <source>No limit</source>
        <translation>Без лимита</translation>
    </message>
    <message>
        <source>Seconds of after-call work before the countdown runs out; 0 means no limit.</source>
        <translation>Секунды постобработки до конца обратного отсчёта; 0 — без лимита.</translation>
    </message>
    <message>
        <source>As the system (%1)</source>
        <translation>Как в системе (%1)</translation>
    </message>
    <message>
        <source>Letters, digits and . _ @ - (up to 64)</source>
        <translation>Буквы, цифры и . _ @ - (до 64 символов)</translation>
    </message>
    <message>
        <source>Restore &amp;defaults</source>
        <translation>&amp;По умолчанию</translation>
    </message>
    <message>
        <source>The new agent login takes effect at the next start.</source>
        <translation>Новый логин оператора вступит в силу при следующем запуске.</translation>
    </message>
</context>
<context>
    <name>SuggestionsModel</name>
    <message>
        <source>same number and name</source>
        <translation>тот же номер и имя</translation>
    </message>
    <message>
        <source>same number</source>
        <translation>тот же номер</translation>
    </message>
    <message>
        <source>similar name</source>
        <translation>похожее имя</translation>
    </message>
    <message>
        <source>%1
Numbers: %2
Language: %3</source>
        <translation>%1
Номера: %2
Язык: %3</translation>
    </message>
</context>
<context>
    <name>TemplateWords</name>
    <message>
        <source>Greeting</source>
        <translation>Приветствие</translation>
    </message>
    <message>
        <source>Identification</source>
        <translation>Идентификация</translation>
    </message>
    <message>
        <source>Billing</source>
        <translation>Счета и оплата</translation>
    </message>
    <message>
        <source>Delivery</source>
        <translation>Доставка</translation>
    </message>
    <message>
        <source>Technical</source>
        <translation>Техническая поддержка</translation>
    </message>
    <message>
        <source>Hold and transfer</source>
        <translation>Удержание и перевод</translation>
    </message>
    <message>
        <source>De-escalation</source>
        <translation>Деэскалация</translation>
    </message>
    <message>
        <source>Closing</source>
        <translation>Завершение разговора</translation>
    </message>
</context>
<context>
    <name>TemplatesPane</name>
    <message>
        <source>Templates</source>
        <translation>Шаблоны</translation>
    </message>
    <message>
        <source>All categories</source>
        <translation>Все категории</translation>
    </message>
    <message>
        <source>No template has “%1”.</source>
        <translation>Ни в одном шаблоне нет «%1».</translation>
    </message>
    <message>
        <source>No templates in this category.</source>
        <translation>В этой категории нет шаблонов.</translation>
    </message>
    <message>
        <source>Pick a template to see it filled in.</source>
        <translation>Выберите шаблон, чтобы увидеть его с подставленными данными.</translation>
    </message>
    <message>
        <source>Unknown variable, left as written: %1</source>
        <translation>Неизвестная переменная, оставлена как есть: %1</translation>
    </message>
    <message>
        <source>No value yet: %1</source>
        <translation>Пока нет значения: %1</translation>
    </message>
    <message>
        <source>Filled in when the ticket is saved: %1</source>
        <translation>Заполнится при сохранении заявки: %1</translation>
    </message>
    <message>
        <source>The preview shows the beginning; insert and copy take the whole text.</source>
        <translation>В предпросмотре показано начало; вставка и копирование берут весь текст.</translation>
    </message>
    <message>
        <source>No ticket to insert into: “%1” is copied instead.</source>
        <translation>Некуда вставить — заявка не открыта: «%1» скопирован в буфер обмена.</translation>
    </message>
    <message>
        <source>Copied: %1</source>
        <translation>Скопировано: %1</translation>
    </message>
    <message>
        <source>There is no template “%1” in this language.</source>
        <translation>Шаблона «%1» на этом языке нет.</translation>
    </message>
    <message>
        <source>Nothing is on Alt+%1 yet: select a template and press Alt+0.</source>
        <translation>На Alt+%1 пока ничего нет: выберите шаблон и нажмите Alt+0.</translation>
    </message>
    <message>
        <source>“%1” is on Alt+%2.</source>
        <translation>«%1» назначен на Alt+%2.</translation>
    </message>
    <message>
        <source>“%1” is off the number keys.</source>
        <translation>«%1» снят с цифровых клавиш.</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>(пусто)</translation>
    </message>
    <message>
        <source>&amp;0   Take off its number key</source>
        <translation>&amp;0   Снять с цифровой клавиши</translation>
    </message>
    <message>
        <source>Select a template first.</source>
        <translation>Сначала выберите шаблон.</translation>
    </message>
    <message>
        <source>Search templates (Ctrl+F)</source>
        <translation>Поиск шаблонов (Ctrl+F)</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Категория</translation>
    </message>
    <message>
        <source>Insert into ticket</source>
        <translation>Вставить в заявку</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Копировать</translation>
    </message>
    <message>
        <source>Number key…</source>
        <translation>Цифровая клавиша…</translation>
    </message>
</context>
<context>
    <name>TicketEditor</name>
    <message>
        <source>Ticket</source>
        <translation>Заявка</translation>
    </message>
    <message>
        <source>the new ticket</source>
        <translation>новую заявку</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Несохранённые изменения</translation>
    </message>
    <message>
        <source>Your changes to %1 are not saved. Discard them?</source>
        <translation>Ваши изменения в %1 не сохранены. Отменить их?</translation>
    </message>
    <message>
        <source>Comments can be added once the ticket is saved.</source>
        <translation>Комментарии можно добавлять после сохранения заявки.</translation>
    </message>
    <message>
        <source>The text does not fit into the description (%1 characters with it, at most %2): it is on the clipboard instead.</source>
        <translation>Текст не помещается в описание (с ним было бы %1 символов, можно не больше %2): он скопирован в буфер обмена.</translation>
    </message>
    <message>
        <source>%1 will be filled in when the ticket is saved.</source>
        <translation>При сохранении заявки будет заполнено: %1.</translation>
    </message>
    <message>
        <source>Call to the %1 line: %2</source>
        <translation>Звонок на линию %1: %2</translation>
    </message>
    <message>
        <source>Call from %1</source>
        <translation>Звонок от %1</translation>
    </message>
    <message>
        <source>Call: %1</source>
        <translation>Звонок: %1</translation>
    </message>
    <message>
        <source>Caller: %1</source>
        <translation>Абонент: %1</translation>
    </message>
    <message>
        <source>Queue: %1</source>
        <translation>Очередь: %1</translation>
    </message>
    <message>
        <source>Linking needs a call, and there is no call now.</source>
        <translation>Для привязки нужен звонок, а сейчас звонка нет.</translation>
    </message>
    <message>
        <source>The caller is not known: save a contact on the caller card first, or create a new ticket (Ctrl+N).</source>
        <translation>Абонент неизвестен: сначала сохраните контакт в карточке абонента или создайте новую заявку (Ctrl+N).</translation>
    </message>
    <message>
        <source>%1 has no open tickets: create a new one (Ctrl+N).</source>
        <translation>У клиента %1 нет открытых заявок: создайте новую (Ctrl+N).</translation>
    </message>
    <message>
        <source>The call is linked to ticket %1.</source>
        <translation>Звонок привязан к заявке %1.</translation>
    </message>
    <message>
        <source>Nothing to save: no field has changed.</source>
        <translation>Сохранять нечего: ни одно поле не изменилось.</translation>
    </message>
    <message>
        <source>Saved %1. The ticket&apos;s number, due time and subject are filled in the description.</source>
        <translation>Сохранено: %1. Номер, срок и тема заявки подставлены в описание.</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>Сохранено: %1</translation>
    </message>
    <message>
        <source>Not saved: ticket %1 was changed on another desktop while you were editing. Your text is kept. Reload shows their version (your changes are dropped); Merge puts your changes on top of theirs and asks about fields changed on both sides.</source>
        <translation>Не сохранено: пока вы редактировали, заявку %1 изменили на другом рабочем месте. Ваш текст сохранён в форме. «Перезагрузить» покажет их версию (ваши изменения пропадут); «Объединить» наложит ваши изменения поверх их версии и спросит о полях, изменённых с обеих сторон.</translation>
    </message>
    <message>
        <source>Refused: %1. Your text is kept.</source>
        <translation>Отказано: %1. Ваш текст сохранён в форме.</translation>
    </message>
    <message>
        <source>Not saved, the database did not answer: %1. Your text is kept; try again.</source>
        <translation>Не сохранено, база данных не ответила: %1. Ваш текст сохранён в форме; попробуйте ещё раз.</translation>
    </message>
    <message>
        <source>Ticket %1 was updated on another desktop.</source>
        <translation>Заявку %1 обновили на другом рабочем месте.</translation>
    </message>
    <message>
        <source>Ticket %1 was changed elsewhere: reload it, or merge your unsaved changes into the new version.</source>
        <translation>Заявку %1 изменили в другом месте: перезагрузите её или объедините несохранённые изменения с новой версией.</translation>
    </message>
    <message>
        <source>Merged with the newer version. Changed on both sides, as you decided: %1. Check and save.</source>
        <translation>Объединено с новой версией. Изменённые с обеих сторон поля — как вы решили: %1. Проверьте и сохраните.</translation>
    </message>
    <message>
        <source>— none —</source>
        <translation>— нет —</translation>
    </message>
    <message>
        <source>saved %1 by %2</source>
        <translation>сохранена %1, %2</translation>
    </message>
    <message>
        <source>saved %1 on another desktop</source>
        <translation>сохранена %1 на другом рабочем месте</translation>
    </message>
    <message>
        <source>Yours cannot be kept: a ticket that is %1 now cannot go to %2.</source>
        <translation>Вашу версию оставить нельзя: заявку в статусе «%1» нельзя перевести в «%2».</translation>
    </message>
    <message>
        <source>Merged with the newer version: no field was changed on both sides. Save to store your changes.</source>
        <translation>Объединено с новой версией: одновременно изменённых полей нет. Сохраните, чтобы записать изменения.</translation>
    </message>
    <message>
        <source>Save the ticket before escalating it.</source>
        <translation>Сохраните заявку перед эскалацией.</translation>
    </message>
    <message>
        <source>Ticket %1 is already at %2, the highest tier.</source>
        <translation>Заявка %1 уже на %2 — высшей линии.</translation>
    </message>
    <message>
        <source>Ticket %1 is closed or resolved: reopen it before escalating.</source>
        <translation>Заявка %1 закрыта или решена: откройте её снова перед эскалацией.</translation>
    </message>
    <message>
        <source>An escalation needs a reason: nothing was changed.</source>
        <translation>Для эскалации нужна причина: ничего не изменено.</translation>
    </message>
    <message>
        <source>Escalated to %1.</source>
        <translation>Эскалировано на %1.</translation>
    </message>
    <message>
        <source>a customer on record</source>
        <translation>клиент из базы</translation>
    </message>
    <message>
        <source>Unassigned</source>
        <translation>Не назначено</translation>
    </message>
    <message>
        <source>Me (%1)</source>
        <translation>Я (%1)</translation>
    </message>
    <message>
        <source>another agent</source>
        <translation>другой оператор</translation>
    </message>
    <message>
        <source>Assign to another agent</source>
        <translation>Назначить другому оператору</translation>
    </message>
    <message>
        <source>Agent&apos;s login:</source>
        <translation>Логин оператора:</translation>
    </message>
    <message>
        <source>No agent has the login “%1”.</source>
        <translation>Оператора с логином «%1» нет.</translation>
    </message>
    <message>
        <source>New ticket — not saved yet</source>
        <translation>Новая заявка — ещё не сохранена</translation>
    </message>
    <message>
        <source>• unsaved changes</source>
        <translation>• есть несохранённые изменения</translation>
    </message>
    <message>
        <source>History (%1)</source>
        <translation>История (%1)</translation>
    </message>
    <message>
        <source>A new ticket filled in from the call</source>
        <translation>Новая заявка, заполненная по звонку</translation>
    </message>
    <message>
        <source>Link…</source>
        <translation>Привязать…</translation>
    </message>
    <message>
        <source>Link the call to one of the caller&apos;s open tickets</source>
        <translation>Привязать звонок к одной из открытых заявок абонента</translation>
    </message>
    <message>
        <source>No ticket open.

Ctrl+N — a new ticket from the call
Ctrl+L — link the call to one of the caller&apos;s open tickets
F2 — the caller card: Enter opens one of their tickets</source>
        <translation>Заявка не открыта.

Ctrl+N — новая заявка по звонку
Ctrl+L — привязать звонок к одной из открытых заявок абонента
F2 — карточка абонента: Enter открывает его заявку</translation>
    </message>
    <message>
        <source>Unsaved tickets kept as drafts (Enter reopens one):</source>
        <translation>Несохранённые заявки-черновики (Enter — открыть снова):</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Подробности</translation>
    </message>
    <message>
        <source>New from call</source>
        <translation>Новая по звонку</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Сохранить</translation>
    </message>
    <message>
        <source>Save the ticket</source>
        <translation>Сохранить заявку</translation>
    </message>
    <message>
        <source>Escalate to the next tier; a reason is required (Ctrl+Shift+U)</source>
        <translation>Эскалировать на следующую линию; нужна причина (Ctrl+Shift+U)</translation>
    </message>
    <message>
        <source>(no subject)</source>
        <translation>(без темы)</translation>
    </message>
    <message>
        <source>Enter: reopen this draft to save it. Delete: discard it.</source>
        <translation>Enter — открыть черновик снова и сохранить. Delete — удалить его.</translation>
    </message>
    <message>
        <source>Unsaved tickets kept from the last session: %1. They are listed above with their call&apos;s customer; Enter reopens one, and saving links it to its call.</source>
        <translation>Несохранённые заявки прошлого сеанса сохранены: %1. Они в списке выше вместе с абонентом звонка; Enter открывает заявку снова, а при сохранении она привязывается к своему звонку.</translation>
    </message>
    <message>
        <source>Unsaved tickets recovered after the desk stopped unexpectedly: %1. They are listed above with their call&apos;s customer; Enter reopens one, and saving links it to its call.</source>
        <translation>Несохранённые заявки восстановлены после аварийной остановки: %1. Они в списке выше вместе с абонентом звонка; Enter открывает заявку снова, а при сохранении она привязывается к своему звонку.</translation>
    </message>
    <message>
        <source>The last session was closed during a call: its open calls (%1) are closed and your logout recorded as of %2, when it was closed.</source>
        <translation>Прошлый сеанс закрыли во время звонка: его звонки (%1) закрыты и выход из очередей записан на %2 — время закрытия.</translation>
    </message>
    <message>
        <source>The last session ended unexpectedly: its open calls (%1) are closed and your logout recorded as of %2, the last known time.</source>
        <translation>Прошлый сеанс прервался: его звонки (%1) закрыты и выход из очередей записан на %2 — последнее известное время.</translation>
    </message>
    <message>
        <source>The last session ended unexpectedly: your logout from the queues is recorded as of %1, the last known time.</source>
        <translation>Прошлый сеанс прервался: выход из очередей записан на %1 — последнее известное время.</translation>
    </message>
    <message>
        <source>Discard the draft</source>
        <translation>Удалить черновик</translation>
    </message>
    <message>
        <source>Discard the unsaved ticket “%1”? It cannot be brought back.</source>
        <translation>Удалить несохранённую заявку «%1»? Вернуть её будет нельзя.</translation>
    </message>
    <message>
        <source>Your changes to ticket %1 are not saved. Save them before you go Ready, keep them as a draft of this call, or discard them?</source>
        <translation>Изменения в заявке %1 не сохранены. Сохранить их перед переходом в «Готов», оставить черновиком этого звонка или отменить?</translation>
    </message>
    <message>
        <source>Discard changes</source>
        <translation>Отменить изменения</translation>
    </message>
    <message>
        <source>The new ticket is not saved. Save it before you go Ready, keep it as a draft of this call, or discard it?</source>
        <translation>Новая заявка не сохранена. Сохранить её перед переходом в «Готов», оставить черновиком этого звонка или удалить?</translation>
    </message>
    <message>
        <source>Unsaved ticket</source>
        <translation>Заявка не сохранена</translation>
    </message>
    <message>
        <source>Keep as draft</source>
        <translation>Оставить черновиком</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Удалить</translation>
    </message>
</context>
<context>
    <name>TicketForm</name>
    <message>
        <source>— none —</source>
        <translation>— нет —</translation>
    </message>
    <message>
        <source>Another agent…</source>
        <translation>Другой оператор…</translation>
    </message>
    <message>
        <source>The subject is required: say in a few words what the caller needs.</source>
        <translation>Тема обязательна: коротко опишите, что нужно абоненту.</translation>
    </message>
    <message>
        <source>The subject is too long: %1 characters, at most %2.</source>
        <translation>Слишком длинная тема: %1 знаков, допустимо не более %2.</translation>
    </message>
    <message>
        <source>The category is longer than %1 characters.</source>
        <translation>Категория длиннее %1 знаков.</translation>
    </message>
    <message>
        <source>The description is too long: %1 characters, at most %2.</source>
        <translation>Слишком длинное описание: %1 знаков, допустимо не более %2.</translation>
    </message>
    <message>
        <source>Choose a status.</source>
        <translation>Выберите статус.</translation>
    </message>
    <message>
        <source>&amp;Subject</source>
        <translation>&amp;Тема</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Клиент</translation>
    </message>
    <message>
        <source>Ca&amp;tegory</source>
        <translation>&amp;Категория</translation>
    </message>
    <message>
        <source>&amp;Priority</source>
        <translation>&amp;Приоритет</translation>
    </message>
    <message>
        <source>Stat&amp;us</source>
        <translation>Стат&amp;ус</translation>
    </message>
    <message>
        <source>Assi&amp;gnee</source>
        <translation>Испо&amp;лнитель</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>Линия</translation>
    </message>
    <message>
        <source>D&amp;escription</source>
        <translation>Описани&amp;е</translation>
    </message>
    <message>
        <source>What the caller needs, in a few words</source>
        <translation>Что нужно абоненту, в двух словах</translation>
    </message>
    <message>
        <source>What happened, what was checked, what was promised</source>
        <translation>Что случилось, что проверено, что обещано</translation>
    </message>
    <message>
        <source>Use the caller</source>
        <translation>Взять абонента</translation>
    </message>
    <message>
        <source>Escalate…</source>
        <translation>Эскалировать…</translation>
    </message>
</context>
<context>
    <name>TicketHeader</name>
    <message>
        <source>SLA: %1 h</source>
        <translation>SLA: %1 ч</translation>
    </message>
    <message>
        <source>The SLA clock starts when the ticket is saved</source>
        <translation>Отсчёт SLA начнётся после сохранения заявки</translation>
    </message>
    <message>
        <source>SLA: overdue by %1</source>
        <translation>SLA: просрочено на %1</translation>
    </message>
    <message>
        <source>SLA: stopped (resolved)</source>
        <translation>SLA: остановлен (решено)</translation>
    </message>
    <message>
        <source>SLA: %1 left</source>
        <translation>SLA: осталось %1</translation>
    </message>
    <message>
        <source>Due %1</source>
        <translation>Срок: %1</translation>
    </message>
    <message>
        <source>Support tier</source>
        <translation>Линия поддержки</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>Перезагрузить</translation>
    </message>
    <message>
        <source>Show the stored version; your unsaved changes are dropped</source>
        <translation>Показать сохранённую версию; ваши несохранённые изменения пропадут</translation>
    </message>
    <message>
        <source>Merge</source>
        <translation>Объединить</translation>
    </message>
    <message>
        <source>Take the stored version with your changed fields on top; a field changed on both sides is yours to decide</source>
        <translation>Взять сохранённую версию и наложить поверх изменённые вами поля; поле, изменённое с обеих сторон, решаете вы</translation>
    </message>
</context>
<context>
    <name>TicketHistoryModel</name>
    <message>
        <source>When</source>
        <translation>Когда</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Кто</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Что</translation>
    </message>
    <message>
        <source>system</source>
        <translation>система</translation>
    </message>
    <message>
        <source>another record</source>
        <translation>другая запись</translation>
    </message>
    <message>
        <source>Created ticket %1</source>
        <translation>Создана заявка %1</translation>
    </message>
    <message>
        <source>Comment: %1</source>
        <translation>Комментарий: %1</translation>
    </message>
    <message>
        <source>Escalated %1 → %2. Reason: %3</source>
        <translation>Эскалация %1 → %2. Причина: %3</translation>
    </message>
    <message>
        <source>Linked to a call</source>
        <translation>Привязана к звонку</translation>
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
        <translation>Истории пока нет: она начнётся после сохранения заявки.</translation>
    </message>
    <message>
        <source>Co&amp;mment</source>
        <translation>Ко&amp;мментарий</translation>
    </message>
    <message>
        <source>A note for colleagues; it does not change the ticket</source>
        <translation>Заметка для коллег; заявку она не меняет</translation>
    </message>
    <message>
        <source>Add c&amp;omment</source>
        <translation>&amp;Добавить комментарий</translation>
    </message>
    <message>
        <source>Add the comment to the ticket history</source>
        <translation>Добавить комментарий в историю заявки</translation>
    </message>
</context>
<context>
    <name>TicketListModel</name>
    <message>
        <source>SLA: overdue by %1</source>
        <translation>SLA: просрочено на %1</translation>
    </message>
    <message>
        <source>SLA: %1 left</source>
        <translation>SLA: осталось %1</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>№</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Тема</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Статус</translation>
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
        <translation>Новая</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Открыта</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>Ожидает</translation>
    </message>
    <message>
        <source>Escalated</source>
        <translation>Эскалирована</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>Решена</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Закрыта</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>Низкий</translation>
    </message>
    <message>
        <source>Normal</source>
        <translation>Обычный</translation>
    </message>
    <message>
        <source>High</source>
        <translation>Высокий</translation>
    </message>
    <message>
        <source>Urgent</source>
        <translation>Срочный</translation>
    </message>
    <message>
        <source>General</source>
        <translation>Общее</translation>
    </message>
    <message>
        <source>Technical</source>
        <translation>Техническая проблема</translation>
    </message>
    <message>
        <source>Billing</source>
        <translation>Счета и оплата</translation>
    </message>
    <message>
        <source>Delivery</source>
        <translation>Доставка</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Учётная запись</translation>
    </message>
    <message>
        <source>Complaint</source>
        <translation>Жалоба</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Тема</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Описание</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Категория</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Приоритет</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <source>Assignee</source>
        <translation>Исполнитель</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Клиент</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>Линия</translation>
    </message>
    <message>
        <source>SLA due</source>
        <translation>Срок SLA</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Номер</translation>
    </message>
    <message>
        <source>Call</source>
        <translation>Звонок</translation>
    </message>
    <message>
        <source>%1 d %2 h</source>
        <translation>%1 д %2 ч</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 ч %2 мин</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 мин</translation>
    </message>
</context>
<context>
    <name>Wallboard</name>
    <message>
        <source>Calls waiting</source>
        <translation>Звонков в очереди</translation>
    </message>
    <message>
        <source>Longest wait</source>
        <translation>Макс. ожидание</translation>
    </message>
    <message>
        <source>Service level</source>
        <translation>Уровень сервиса</translation>
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
        <translation>Доля брошенных</translation>
    </message>
    <message>
        <source>Occupancy</source>
        <translation>Загрузка</translation>
    </message>
    <message>
        <source>Calls today</source>
        <translation>Звонков сегодня</translation>
    </message>
    <message>
        <source>Agents</source>
        <translation>Операторы</translation>
    </message>
    <message>
        <source>Agents needed now</source>
        <translation>Нужно операторов сейчас</translation>
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
        <translation>с</translation>
    </message>
    <message>
        <source>%1 min: %2</source>
        <translation>%1 мин: %2</translation>
    </message>
    <message>
        <source>peak: %1</source>
        <translation>пик: %1</translation>
    </message>
    <message>
        <source>answered max: %1</source>
        <translation>макс. до ответа: %1</translation>
    </message>
    <message>
        <source>goal %1 %</source>
        <translation>цель %1 %</translation>
    </message>
    <message>
        <source>offered</source>
        <translation>поступило</translation>
    </message>
    <message>
        <source>answered</source>
        <translation>отвечено</translation>
    </message>
    <message>
        <source>abandoned</source>
        <translation>брошено</translation>
    </message>
    <message>
        <source>short abandons (under %1 s): %2</source>
        <translation>короткие брошенные (до %1 с): %2</translation>
    </message>
    <message>
        <source>no reason</source>
        <translation>без причины</translation>
    </message>
    <message>
        <source>paused: %1</source>
        <translation>на паузе: %1</translation>
    </message>
    <message>
        <source>needed</source>
        <translation>нужно</translation>
    </message>
    <message>
        <source>staffed</source>
        <translation>в работе</translation>
    </message>
    <message>
        <source>no handled calls yet in the last %1 min</source>
        <translation>за последние %1 мин ещё нет обработанных звонков</translation>
    </message>
    <message>
        <source>the goal cannot be reached at this load</source>
        <translation>при такой нагрузке цель недостижима</translation>
    </message>
    <message>
        <source>%1 calls/h · AHT %2 · %3</source>
        <translation>%1 звонков/ч · AHT %2 · %3</translation>
    </message>
    <message>
        <source>%1 answers today</source>
        <translation>ответов сегодня: %1</translation>
    </message>
    <message>
        <source>longer than this pause reason allows</source>
        <translation>дольше, чем допускает эта причина паузы</translation>
    </message>
    <message>
        <source>Longest wait, s</source>
        <translation>Макс. ожидание, с</translation>
    </message>
    <message>
        <source>Service level, %</source>
        <translation>Уровень сервиса, %</translation>
    </message>
    <message>
        <source>ASA, s</source>
        <translation>ASA, с</translation>
    </message>
    <message>
        <source>AHT, s</source>
        <translation>AHT, с</translation>
    </message>
    <message>
        <source>Abandon rate, %</source>
        <translation>Доля брошенных, %</translation>
    </message>
    <message>
        <source>Occupancy, %</source>
        <translation>Загрузка, %</translation>
    </message>
    <message>
        <source>Agents missing</source>
        <translation>Не хватает операторов</translation>
    </message>
    <message>
        <source>CSAT, %</source>
        <translation>CSAT, %</translation>
    </message>
    <message>
        <source>KPI</source>
        <translation>Показатель</translation>
    </message>
    <message>
        <source>Worse when</source>
        <translation>Хуже, когда</translation>
    </message>
    <message>
        <source>Amber at</source>
        <translation>Жёлтый с</translation>
    </message>
    <message>
        <source>Red at</source>
        <translation>Красный с</translation>
    </message>
    <message>
        <source>Calm-down band</source>
        <translation>Зона возврата</translation>
    </message>
    <message>
        <source>Hold, s</source>
        <translation>Выдержка, с</translation>
    </message>
    <message>
        <source>On</source>
        <translation>Вкл.</translation>
    </message>
    <message>
        <source>Alarm thresholds</source>
        <translation>Пороги тревоги</translation>
    </message>
    <message>
        <source>higher</source>
        <translation>выше</translation>
    </message>
    <message>
        <source>lower</source>
        <translation>ниже</translation>
    </message>
    <message>
        <source>%1: red must be beyond amber in the worse direction</source>
        <translation>%1: красный порог должен быть дальше жёлтого в худшую сторону</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Готов</translation>
    </message>
    <message>
        <source>On a call</source>
        <translation>На звонке</translation>
    </message>
    <message>
        <source>Wrap-up</source>
        <translation>Постобработка</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>Пауза</translation>
    </message>
    <message>
        <source>Logged out</source>
        <translation>Не в системе</translation>
    </message>
    <message>
        <source>Call</source>
        <translation>Звонок</translation>
    </message>
    <message>
        <source>Wrap</source>
        <translation>Пост.</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Пауза</translation>
    </message>
    <message>
        <source>Out</source>
        <translation>Вне</translation>
    </message>
    <message>
        <source>no data</source>
        <translation>нет данных</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>НОРМА</translation>
    </message>
    <message>
        <source>WARNING</source>
        <translation>ВНИМАНИЕ</translation>
    </message>
    <message>
        <source>ALARM</source>
        <translation>ТРЕВОГА</translation>
    </message>
    <message>
        <source>No agent is logged in.</source>
        <translation>В системе нет ни одного оператора.</translation>
    </message>
    <message>
        <source>+%1 more agents: switch dense mode (D) or give the grid more room</source>
        <translation>ещё %1 операторов не поместились: включите плотный режим (D) или дайте сетке больше места</translation>
    </message>
    <message>
        <source>Service level, last 15 min, %</source>
        <translation>Уровень сервиса за 15 мин, %</translation>
    </message>
    <message>
        <source>goal</source>
        <translation>цель</translation>
    </message>
    <message>
        <source>Wallboard error: %1</source>
        <translation>Ошибка табло: %1</translation>
    </message>
    <message>
        <source>Agents logged in: %1</source>
        <translation>Операторов в системе: %1</translation>
    </message>
    <message>
        <source>reading today&apos;s calls…</source>
        <translation>читаю звонки за сегодня…</translation>
    </message>
    <message>
        <source>data is %1 s old</source>
        <translation>данные устарели на %1 с</translation>
    </message>
    <message>
        <source>reconnecting</source>
        <translation>переподключение</translation>
    </message>
    <message>
        <source>connecting…</source>
        <translation>подключение…</translation>
    </message>
    <message>
        <source>live</source>
        <translation>онлайн</translation>
    </message>
    <message>
        <source>No formula: this tile shows a count.</source>
        <translation>Формулы нет: плитка показывает количество.</translation>
    </message>
    <message>
        <source>Could not save the wallboard settings: %1</source>
        <translation>Не удалось сохранить настройки табло: %1</translation>
    </message>
    <message>
        <source>Wallboard · all queues</source>
        <translation>Табло · все очереди</translation>
    </message>
    <message>
        <source>auto</source>
        <translation>авто</translation>
    </message>
    <message>
        <source>on</source>
        <translation>вкл.</translation>
    </message>
    <message>
        <source>off</source>
        <translation>выкл.</translation>
    </message>
    <message>
        <source>Click a tile or press %1 for its formula · D: dense grid (%2) · T: thresholds · S: sound on red (%3)</source>
        <translation>Щёлкните плитку или нажмите %1, чтобы увидеть формулу · D: плотная сетка (%2) · T: пороги · S: звук при тревоге (%3)</translation>
    </message>
    <message>
        <source>Desktop Agent — Wallboard</source>
        <translation>Desktop Agent — табло</translation>
    </message>
</context>
<context>
    <name>WrapupPane</name>
    <message>
        <source>Wrap-up</source>
        <translation>Постобработка</translation>
    </message>
    <message>
        <source>(needs a ticket)</source>
        <translation>(нужна заявка)</translation>
    </message>
    <message>
        <source>No call to wrap up</source>
        <translation>Нет звонка для постобработки</translation>
    </message>
    <message>
        <source>After-call work</source>
        <translation>Постобработка звонка</translation>
    </message>
    <message>
        <source>Outcome of the current call</source>
        <translation>Итог текущего звонка</translation>
    </message>
    <message>
        <source>Finish and go Ready (%1)</source>
        <translation>Завершить и перейти в «Готов» (%1)</translation>
    </message>
    <message>
        <source>Choose a disposition: press 1–9.</source>
        <translation>Выберите итог звонка: нажмите 1–9.</translation>
    </message>
    <message>
        <source>The disposition can be chosen during the call; it is required before you go Ready.</source>
        <translation>Итог можно выбрать ещё во время разговора; без него перейти в «Готов» нельзя.</translation>
    </message>
    <message>
        <source>&amp;Disposition (required)</source>
        <translation>&amp;Итог звонка (обязательно)</translation>
    </message>
    <message>
        <source>&amp;Notes</source>
        <translation>&amp;Заметки</translation>
    </message>
    <message>
        <source>Go Ready by itself when wrap-up time is up</source>
        <translation>Переходить в «Готов» автоматически, когда время постобработки истечёт</translation>
    </message>
    <message>
        <source>Wrap-up limit: %1</source>
        <translation>Лимит постобработки: %1</translation>
    </message>
    <message>
        <source>No wrap-up limit is set</source>
        <translation>Лимит постобработки не задан</translation>
    </message>
</context>
</TS>
