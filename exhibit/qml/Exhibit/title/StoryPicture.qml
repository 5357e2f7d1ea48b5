import QtQuick
import Exhibit
import Exhibit.Backend

// The story in one picture (HeroMap), fed from the backends: the map of
// Indochina, and the arrows of the first chapter ending that has them. The
// title screen and the attract loop load it by its file name once the maps
// exist, so nothing of it is compiled before the first frame.
HeroMap {
    readonly property var chapter: StoryBackend.chapters.find(c => (c.convergeTo ?? "").length > 0)
                                   ?? ({ convergeTo: "", convergeFrom: [] })
    mapId: MapBackend.geoMapId
    shapes: MapBackend.geoShapes
    areas: MapBackend.geoAreas
    places: MapBackend.geoPlaces
    viewBox: MapBackend.geoViewBox
    target: chapter.convergeTo
    origins: chapter.convergeFrom
}
