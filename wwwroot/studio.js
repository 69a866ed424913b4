// Small browser helpers the studio's pages call through JS interop.
window.distokStudio = {
    // Remembers the display name for a year (read by the server when a page is opened).
    rememberName: function (name) {
        document.cookie = "distok-name=" + encodeURIComponent(name) + "; path=/; max-age=31536000; samesite=lax" + (location.protocol === "https:" ? "; secure" : "");
    }
};
