pragma ComponentBehavior: Bound
import QtQuick
import Exhibit

// The sky behind the clock, following the hands. The keyframes say which
// phase of the day (night, dawn, day, noon, sunset) the sky is in at which
// minute; Theme gives each phase its two colours, and between two keyframes
// each colour is blended straight per channel in proportion to the minute,
// so the sky turns continuously as the clock sweeps. Stars show where the
// sky is dark.
Rectangle {
    id: sky

    required property real minute
    // [{minute, phase}, ...] sorted by minute, covering the whole day.
    required property var keyframes

    readonly property var frames: keyframes.map(k => ({
        minute: k.minute, top: topOf(k.phase), bottom: bottomOf(k.phase)
    }))
    readonly property var colours: colorsAt(minute)
    readonly property color topColor: colours[0]
    readonly property color bottomColor: colours[1]
    // 1 under a night sky, 0 once the sky is light.
    readonly property real darkness: Math.max(0, Math.min(1, (0.3 - topColor.hslLightness) / 0.18))

    function topOf(phase: string): color {
        return phase === "dawn" ? Theme.skyDawnTop : phase === "day" ? Theme.skyDayTop
             : phase === "noon" ? Theme.skyNoonTop : phase === "sunset" ? Theme.skySunsetTop
             : Theme.skyNightTop
    }
    function bottomOf(phase: string): color {
        return phase === "dawn" ? Theme.skyDawnBottom : phase === "day" ? Theme.skyDayBottom
             : phase === "noon" ? Theme.skyNoonBottom : phase === "sunset" ? Theme.skySunsetBottom
             : Theme.skyNightBottom
    }

    function mix(a: color, b: color, t: real): color {
        return Qt.rgba(a.r + (b.r - a.r) * t, a.g + (b.g - a.g) * t, a.b + (b.b - a.b) * t, 1)
    }

    function colorsAt(m: real): var {
        const list = sky.frames
        if (list.length === 0)
            return [Theme.skyNightTop, Theme.skyNightBottom]
        const day = 1440
        const wrapped = ((m % day) + day) % day
        for (let i = 1; i < list.length; ++i) {
            const a = list[i - 1], b = list[i]
            if (wrapped >= a.minute && wrapped <= b.minute) {
                const t = b.minute === a.minute ? 0 : (wrapped - a.minute) / (b.minute - a.minute)
                return [mix(a.top, b.top, t), mix(a.bottom, b.bottom, t)]
            }
        }
        const last = list[list.length - 1]
        return [last.top, last.bottom]
    }

    gradient: Gradient {
        GradientStop { position: 0.0; color: sky.topColor }
        GradientStop { position: 1.0; color: sky.bottomColor }
    }

    Item {
        anchors.fill: parent
        visible: sky.darkness > 0.01
        opacity: sky.darkness
        Repeater {
            // Fixed pseudo-random positions: the same sky every night.
            model: 28
            delegate: Rectangle {
                required property int index
                readonly property real u: (index * 0.618034) % 1
                readonly property real v: (index * 0.381966 * 1.7 + 0.13) % 1
                x: u * (sky.width - width)
                y: v * v * sky.height * 0.7
                width: Math.max(2, Math.round((index % 3 === 0 ? 4 : 3) * Theme.scale))
                height: width
                radius: width / 2
                color: Theme.star
                opacity: 0.45 + 0.5 * ((index * 7) % 5) / 4
            }
        }
    }
}
