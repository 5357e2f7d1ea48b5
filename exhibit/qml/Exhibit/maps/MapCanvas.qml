import QtQuick
import Exhibit

// The view of a map a finger can move: one finger pans, two pinch, the wheel
// zooms about the pointer, a double tap goes back to the whole map. The map
// drawn inside binds to `fitScale`, `pixelScale`, `originX` and `originY`.
//
// The view is `zoom` (1 = the whole map fits, up to `maxZoom`) and the
// view-box point at the centre of the canvas. Every change goes through
// clampedView(): the map's edges never come inside the canvas's edges unless
// the whole map fits (tests/ui/test_maps.py drives it with fingers and wheel).
// showRect() moves gently to a rectangle of the map (a step's focus), fitting
// it into the part of the canvas `focusInsets` leaves free (pixels kept clear
// on each side, e.g. for the legend), so a step's places are never under it.
Item {
    id: canvas

    required property real viewWidth
    required property real viewHeight
    required property real maxZoom
    // The rectangle (view units: {x, y, width, height}) the view moves to when it changes.
    property var focusRect: null
    // Pixels on each side of the canvas a step's focus keeps clear of.
    property real focusLeft: 0
    property real focusRight: 0
    property real focusBottom: 0

    property real zoom: 1
    property real centerX: viewWidth / 2
    property real centerY: viewHeight / 2

    readonly property real fitScale: Math.max(1e-6, Math.min(width / viewWidth, height / viewHeight))
    readonly property real pixelScale: fitScale * zoom
    readonly property real originX: width / 2 - centerX * pixelScale
    readonly property real originY: height / 2 - centerY * pixelScale
    readonly property bool moving: drag.active || pinch.active || flight.running
    // Whether the view is where the step put it (no finger has moved it since),
    // and whether it has been fitted again since for the legend's size.
    property bool atFocus: true
    property bool refitted: false
    // Where the view last came to rest (view units) and its scale; labels are
    // laid out for it, so no layout is computed while the view moves in.
    property rect settledRect: Qt.rect(0, 0, 0, 0)
    readonly property real settledScale: settledRect.width > 0 ? width / settledRect.width : pixelScale
    // The part of the view box on screen, in view units.
    readonly property rect visibleRect: Qt.rect(centerX - width / (2 * pixelScale),
                                                centerY - height / (2 * pixelScale),
                                                width / pixelScale, height / pixelScale)

    clip: true

    function clampedView(z: real, cx: real, cy: real): var {
        const zoom = Math.min(Math.max(z, 1), maxZoom)
        const s = fitScale * zoom
        const halfW = width / (2 * s)
        const halfH = height / (2 * s)
        const x = 2 * halfW >= viewWidth ? viewWidth / 2 : Math.min(Math.max(cx, halfW), viewWidth - halfW)
        const y = 2 * halfH >= viewHeight ? viewHeight / 2 : Math.min(Math.max(cy, halfH), viewHeight - halfH)
        return { zoom: zoom, x: x, y: y }
    }

    function settle(): void {
        settledRect = visibleRect
    }

    function setView(z: real, cx: real, cy: real): void {
        const v = clampedView(z, cx, cy)
        zoom = v.zoom
        centerX = v.x
        centerY = v.y
    }

    // Zoom by `factor` keeping the view point under (px, py) where it is.
    function zoomAbout(factor: real, px: real, py: real): void {
        flight.stop()
        atFocus = false
        const vx = centerX + (px - width / 2) / pixelScale
        const vy = centerY + (py - height / 2) / pixelScale
        const z = Math.min(Math.max(zoom * factor, 1), maxZoom)
        const s = fitScale * z
        setView(z, vx - (px - width / 2) / s, vy - (py - height / 2) / s)
    }

    function flyTo(z: real, cx: real, cy: real, animate: bool): void {
        const v = clampedView(z, cx, cy)
        flight.stop()
        if (!animate || Theme.gentle <= 0 || !canvas.visible) {
            zoom = v.zoom
            centerX = v.x
            centerY = v.y
            settle()
            return
        }
        zoomTo.to = v.zoom
        xTo.to = v.x
        yTo.to = v.y
        flight.start()
    }

    function showRect(r: var, animate: bool): void {
        if (!r || r.width <= 0 || r.height <= 0 || width <= 0 || height <= 0)
            return
        const freeWidth = Math.max(1, width - focusLeft - focusRight)
        const freeHeight = Math.max(1, height - focusBottom)
        const z = Math.min(freeWidth / r.width, freeHeight / r.height) / fitScale
        const s = fitScale * Math.min(Math.max(z, 1), maxZoom)
        // The rect's centre lands at the centre of the free part of the canvas.
        const dx = (focusLeft + freeWidth / 2 - width / 2) / s
        const dy = (freeHeight / 2 - height / 2) / s
        flyTo(z, r.x + r.width / 2 - dx, r.y + r.height / 2 - dy, animate)
    }

    function reset(): void {
        atFocus = false
        flyTo(1, viewWidth / 2, viewHeight / 2, true)
    }

    // A step answers the tap in its first frame (the words, the lit places);
    // the gentle move to its places starts with the frame after, so that
    // first frame does not also redraw the whole map.
    property bool flightPending: false
    onFocusRectChanged: {
        atFocus = true
        refitted = false
        if (canvas.visible && Theme.gentle > 0 && canvas.Window.window) {
            flightPending = true
            canvas.Window.window.update()
        } else {
            showRect(focusRect, true)
        }
    }
    Connections {
        target: canvas.Window.window
        enabled: canvas.flightPending
        function onFrameSwapped(): void {
            canvas.flightPending = false
            canvas.showRect(canvas.focusRect, true)
        }
    }
    // The legend beside the step's places changed size: fit them again, once a
    // step (a legend that changes with the view cannot then keep moving it),
    // unless the visitor has moved the view since.
    function refit(): void {
        if (atFocus && !refitted && !flightPending) {
            refitted = true
            showRect(focusRect, false)
        }
    }
    onFocusLeftChanged: refit()
    onFocusRightChanged: refit()
    onFocusBottomChanged: refit()
    onWidthChanged: showRect(focusRect, false)
    onHeightChanged: showRect(focusRect, false)

    Timer {
        id: settleTimer
        interval: 250
        onTriggered: canvas.settle()
    }

    ParallelAnimation {
        id: flight
        onFinished: canvas.settle()
        NumberAnimation { id: zoomTo; target: canvas; property: "zoom"; duration: Theme.gentle * 2; easing.type: Easing.InOutCubic }
        NumberAnimation { id: xTo; target: canvas; property: "centerX"; duration: Theme.gentle * 2; easing.type: Easing.InOutCubic }
        NumberAnimation { id: yTo; target: canvas; property: "centerY"; duration: Theme.gentle * 2; easing.type: Easing.InOutCubic }
    }

    DragHandler {
        id: drag
        objectName: "mapDrag"
        target: null
        property real startX: 0
        property real startY: 0
        onActiveChanged: {
            if (active) {
                flight.stop()
                canvas.atFocus = false
                startX = canvas.centerX
                startY = canvas.centerY
            } else {
                canvas.settle()
            }
        }
        onTranslationChanged: {
            if (active)
                canvas.setView(canvas.zoom, startX - activeTranslation.x / canvas.pixelScale,
                               startY - activeTranslation.y / canvas.pixelScale)
        }
    }

    PinchHandler {
        id: pinch
        objectName: "mapPinch"
        target: null
        property real startZoom: 1
        property real anchorX: 0
        property real anchorY: 0
        onActiveChanged: {
            if (active) {
                flight.stop()
                canvas.atFocus = false
                startZoom = canvas.zoom
                // The view point under the fingers' centre stays under it.
                anchorX = canvas.centerX + (centroid.position.x - canvas.width / 2) / canvas.pixelScale
                anchorY = canvas.centerY + (centroid.position.y - canvas.height / 2) / canvas.pixelScale
            } else {
                canvas.settle()
            }
        }
        onUpdated: {
            if (!active)
                return
            const z = Math.min(Math.max(startZoom * activeScale, 1), canvas.maxZoom)
            const s = canvas.fitScale * z
            canvas.setView(z, anchorX - (centroid.position.x - canvas.width / 2) / s,
                           anchorY - (centroid.position.y - canvas.height / 2) / s)
        }
    }

    WheelHandler {
        id: wheel
        objectName: "mapWheel"
        target: null
        onWheel: event => {
            canvas.zoomAbout(Math.pow(1.25, event.angleDelta.y / 120),
                             wheel.point.position.x, wheel.point.position.y)
            settleTimer.restart()
        }
    }

    TapHandler {
        objectName: "mapDoubleTap"
        onDoubleTapped: canvas.reset()
    }
}
