// Small browser helpers the studio's pages call through JS interop.
window.distokStudio = {
    // Remembers the display name for a year (read by the server when a page is opened).
    rememberName: function (name) {
        document.cookie = "distok-name=" + encodeURIComponent(name) + "; path=/; max-age=31536000; samesite=lax" + (location.protocol === "https:" ? "; secure" : "");
    },
    // The rooms this browser opened lately, newest first (ids only; at most 8), kept in local storage.
    recentRooms: function () {
        try { return JSON.parse(localStorage.getItem("distok-recent-rooms") || "[]").filter(function (id) { return typeof id === "string"; }); }
        catch (e) { return []; }
    },
    rememberRoom: function (id) {
        var ids = window.distokStudio.recentRooms().filter(function (x) { return x !== id; });
        ids.unshift(id);
        localStorage.setItem("distok-recent-rooms", JSON.stringify(ids.slice(0, 8)));
    },
    // True the first time this browser opens any room (then never again): the room shows its three-step hint.
    firstRoomVisit: function () {
        if (localStorage.getItem("distok-room-hinted")) return false;
        localStorage.setItem("distok-room-hinted", "1");
        return true;
    }
};
