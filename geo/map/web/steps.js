/* Runs folium's layer script, which arrives cut into steps (<script type="text/x-mrh-step">, geo/map/steps.py):
 * in order, each in the global scope like the script it was cut from, as many per task as fit into
 * BUDGET_MS. Between tasks the browser paints what is there (the context, the partners in their base style
 * as their batches arrive) and answers input; map.js then draws the first view in a task of its own. */
(function (MRH) {
  "use strict";

  var BUDGET_MS = 20;  // at 4× CPU slowdown a task then stays under 50 ms (bench/trace.md)

  function pause() {
    if (window.scheduler && typeof window.scheduler.yield === "function") { return window.scheduler.yield(); }
    return new Promise(function (resolve) { setTimeout(resolve, 0); });
  }

  function runSteps() {
    var nodes = Array.prototype.slice.call(document.querySelectorAll('script[type="text/x-mrh-step"]'));
    var next = 0;
    function task() {
      var started = performance.now();
      while (next < nodes.length) {
        var node = nodes[next];
        next += 1;
        var script = document.createElement("script");
        script.text = node.text + "\n//# sourceURL=folium-schritt-" + next + ".js";  // named in traces
        node.parentNode.replaceChild(script, node);  // runs now; an error stops this step only
        if (performance.now() - started > BUDGET_MS && next < nodes.length) { return pause().then(task); }
      }
    }
    pause().then(task);  // not in the parser's task: that one has just parsed the steps
  }

  MRH.pause = pause;
  MRH.runSteps = runSteps;
})(window.MRH = window.MRH || {});
