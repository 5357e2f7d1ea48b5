import QtQuick
import QtQuick.Window
import Exhibit
import Exhibit.Backend

// The presenter's own screen (usually the laptop while the projector shows
// the exhibit): what the audience sees now, what comes next, the notes for
// this step, the time of day and how long the talk has run. It shares the
// session with the audience window, so moving either moves both; its keys
// are the presentation keys.
Window {
    id: view

    objectName: "presenterWindow"
    visible: false
    width: 1280
    height: 800
    minimumWidth: 640
    minimumHeight: 400
    color: Theme.background
    title: UiBackend.title + " · " + UiBackend.strings.presenter_notes

    // Sized for this window, not the audience's (Theme.scale follows that one).
    readonly property real s: Math.max(0.5, Math.min(width, height) / 900)
    readonly property real pad: Math.round(32 * s)
    readonly property var current: PresenterBackend.current
    readonly property var upcoming: PresenterBackend.upcoming

    // Elapsed time counts from the first move off the title screen, so the
    // view can be opened well before the talk starts.
    property double startedAt: 0
    property double now: Date.now()

    Connections {
        target: StoryBackend
        enabled: view.startedAt === 0
        function onOnTitleChanged() {
            if (!StoryBackend.onTitle)
                view.startedAt = Date.now()
        }
    }

    Timer {
        interval: 1000
        repeat: true
        running: view.visible
        triggeredOnStart: true
        onTriggered: view.now = Date.now()
    }

    function elapsedText(): string {
        const total = view.startedAt === 0 ? 0 : Math.max(0, Math.floor((view.now - view.startedAt) / 1000))
        const h = Math.floor(total / 3600)
        const m = Math.floor(total / 60) % 60
        const sec = total % 60
        const mm = (h > 0 && m < 10 ? "0" : "") + m
        return (h > 0 ? h + ":" : "") + mm + ":" + (sec < 10 ? "0" : "") + sec
    }

    Item {
        id: root
        objectName: "presenterRoot"
        anchors.fill: parent
        focus: true

        Keys.onPressed: event => { event.accepted = ModeBackend.handleKey(event.key, event.modifiers) }

        // -- the clocks, across the top -------------------------------------
        Row {
            id: clocks
            anchors.left: parent.left
            anchors.right: parent.right
            anchors.top: parent.top
            anchors.margins: view.pad
            height: Math.round(72 * view.s)
            spacing: view.pad

            Text {
                objectName: "presenterClock"
                textFormat: Text.PlainText
                anchors.verticalCenter: parent.verticalCenter
                text: Qt.formatTime(new Date(view.now), "HH:mm")
                color: Theme.text
                font.family: Theme.fontFamily
                font.pixelSize: Math.round(56 * view.s)
                font.weight: Font.Bold
                font.features: { "tnum": 1 }
            }
            Column {
                anchors.verticalCenter: parent.verticalCenter
                Text {
                    textFormat: Text.PlainText
                    text: UiBackend.strings.presenter_elapsed
                    color: Theme.gold
                    font.family: Theme.fontFamily
                    font.pixelSize: Math.round(18 * view.s)
                    font.weight: Font.DemiBold
                    font.capitalization: Font.AllUppercase
                    font.letterSpacing: 1.5 * view.s
                }
                Text {
                    objectName: "presenterElapsed"
                    textFormat: Text.PlainText
                    text: view.elapsedText()
                    color: Theme.text
                    font.family: Theme.fontFamily
                    font.pixelSize: Math.round(34 * view.s)
                    font.weight: Font.DemiBold
                    font.features: { "tnum": 1 }
                }
            }
        }

        // A small black screen while the projection is blanked.
        Rectangle {
            objectName: "presenterBlanked"
            anchors.right: parent.right
            anchors.rightMargin: view.pad
            anchors.verticalCenter: clocks.verticalCenter
            visible: ModeBackend.blanked
            width: Math.round(120 * view.s)
            height: Math.round(68 * view.s)
            radius: Math.round(6 * view.s)
            color: Theme.blank
            border.color: Theme.accent
            border.width: Math.max(2, Math.round(3 * view.s))
            Accessible.role: Accessible.Indicator
            Accessible.name: "B"
            Text {
                textFormat: Text.PlainText
                anchors.centerIn: parent
                text: "B"
                color: Theme.accent
                font.family: Theme.fontFamily
                font.pixelSize: Math.round(34 * view.s)
                font.weight: Font.Bold
            }
        }

        Rectangle {
            id: rule
            anchors.left: parent.left
            anchors.right: parent.right
            anchors.top: clocks.bottom
            anchors.topMargin: Math.round(view.pad / 2)
            anchors.leftMargin: view.pad
            anchors.rightMargin: view.pad
            height: 1
            color: Theme.line
        }

        // -- now showing and notes (left), next (right) ---------------------
        readonly property bool narrow: width < height * 1.1

        Item {
            id: nowPane
            x: view.pad
            y: rule.y + view.pad / 2
            width: root.narrow ? root.width - 2 * view.pad : Math.round((root.width - 3 * view.pad) * 0.62)
            height: (root.narrow ? nextPane.y : controls.y) - y - view.pad / 2

            Column {
                id: nowHead
                width: parent.width
                spacing: Math.round(6 * view.s)

                Text {
                    textFormat: Text.PlainText
                    text: UiBackend.strings.presenter_current
                    color: Theme.gold
                    font.family: Theme.fontFamily
                    font.pixelSize: Math.round(18 * view.s)
                    font.weight: Font.DemiBold
                    font.capitalization: Font.AllUppercase
                    font.letterSpacing: 1.5 * view.s
                }
                Text {
                    objectName: "presenterContext"
                    textFormat: Text.PlainText
                    width: parent.width
                    visible: text.length > 0
                    text: view.current.context
                    color: Theme.textMuted
                    font.family: Theme.fontFamily
                    font.pixelSize: Math.round(20 * view.s)
                    wrapMode: Text.WordWrap
                }
                Text {
                    objectName: "presenterCurrentTitle"
                    textFormat: Text.PlainText
                    width: parent.width
                    text: view.current.title
                    color: Theme.text
                    font.family: Theme.fontFamily
                    font.pixelSize: Math.round(40 * view.s)
                    font.weight: Font.Bold
                    wrapMode: Text.WordWrap
                }
                Item { width: 1; height: Math.round(10 * view.s) }
                Text {
                    textFormat: Text.PlainText
                    text: UiBackend.strings.presenter_notes
                    color: Theme.gold
                    font.family: Theme.fontFamily
                    font.pixelSize: Math.round(18 * view.s)
                    font.weight: Font.DemiBold
                    font.capitalization: Font.AllUppercase
                    font.letterSpacing: 1.5 * view.s
                }
            }

            // The notes, or (where the content has none) what the audience reads.
            Flickable {
                anchors.left: parent.left
                anchors.right: parent.right
                anchors.top: nowHead.bottom
                anchors.topMargin: Math.round(8 * view.s)
                anchors.bottom: parent.bottom
                clip: true
                contentHeight: notesColumn.height
                boundsBehavior: Flickable.StopAtBounds

                Column {
                    id: notesColumn
                    width: parent.width
                    spacing: Math.round(16 * view.s)

                    Text {
                        objectName: "presenterNotes"
                        textFormat: Text.PlainText
                        width: parent.width
                        visible: text.length > 0
                        text: view.current.notes
                        color: Theme.text
                        font.family: Theme.fontFamily
                        font.pixelSize: Math.round(30 * view.s)
                        lineHeight: 1.3
                        wrapMode: Text.WordWrap
                    }
                    // What the audience reads on the screen, for reference.
                    Text {
                        objectName: "presenterBody"
                        textFormat: Text.PlainText
                        width: parent.width
                        text: view.current.body
                        color: Theme.textMuted
                        font.family: Theme.fontFamily
                        font.pixelSize: Math.round(22 * view.s)
                        lineHeight: 1.3
                        wrapMode: Text.WordWrap
                    }
                }
            }
        }

        Rectangle {
            id: nextPane
            // Beside the current step in landscape; below it, just above the
            // buttons, in portrait. Never taller than what it says.
            x: root.narrow ? view.pad : nowPane.x + nowPane.width + view.pad
            y: root.narrow ? controls.y - view.pad / 2 - height : nowPane.y
            width: root.narrow ? root.width - 2 * view.pad : root.width - x - view.pad
            height: Math.min(nextColumn.height + 2 * view.pad,
                             root.narrow ? (controls.y - rule.y) * 0.4 : nowPane.height)
            radius: Math.round(14 * view.s)
            color: Theme.surface
            border.color: Theme.line
            border.width: 1
            clip: true

            Column {
                id: nextColumn
                x: view.pad
                y: view.pad
                width: parent.width - 2 * view.pad
                spacing: Math.round(6 * view.s)

                Text {
                    textFormat: Text.PlainText
                    text: UiBackend.strings.presenter_next
                    color: Theme.gold
                    font.family: Theme.fontFamily
                    font.pixelSize: Math.round(18 * view.s)
                    font.weight: Font.DemiBold
                    font.capitalization: Font.AllUppercase
                    font.letterSpacing: 1.5 * view.s
                }
                Text {
                    objectName: "presenterNextContext"
                    textFormat: Text.PlainText
                    width: parent.width
                    visible: text.length > 0
                    text: view.upcoming.context
                    color: Theme.textMuted
                    font.family: Theme.fontFamily
                    font.pixelSize: Math.round(18 * view.s)
                    wrapMode: Text.WordWrap
                }
                Text {
                    objectName: "presenterNextTitle"
                    textFormat: Text.PlainText
                    width: parent.width
                    text: view.upcoming.title
                    color: Theme.text
                    font.family: Theme.fontFamily
                    font.pixelSize: Math.round(28 * view.s)
                    font.weight: Font.DemiBold
                    wrapMode: Text.WordWrap
                }
            }
        }

        // -- the same moves by mouse or touch --------------------------------
        Row {
            id: controls
            anchors.bottom: parent.bottom
            anchors.horizontalCenter: parent.horizontalCenter
            anchors.bottomMargin: view.pad
            spacing: view.pad / 2

            TouchButton {
                objectName: "presenterPrevious"
                height: Math.max(48, Math.round(64 * view.s))
                text: UiBackend.strings.previous
                iconText: "‹"
                enabledState: StoryBackend.canGoPrevious
                onActivated: StoryBackend.previous()
            }
            TouchButton {
                objectName: "presenterLanguage"
                height: Math.max(48, Math.round(64 * view.s))
                text: UiBackend.toggleLabel
                iconText: "⇄"
                Accessible.description: UiBackend.strings.language_switch_hint
                onActivated: UiBackend.toggleLanguage()
            }
            TouchButton {
                objectName: "presenterNext"
                height: Math.max(48, Math.round(64 * view.s))
                primary: true
                text: UiBackend.strings.next
                iconText: "›"
                enabledState: StoryBackend.canGoNext
                onActivated: StoryBackend.next()
            }
        }
    }
}
