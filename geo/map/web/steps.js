/* Runs the map's elements' code, which arrives as steps (<script type="text/x-mrh-step">, geo/map/steps.py):
 * in order, each in the global scope like one script, as many per task as fit into
 * BUDGET_MS. Between tasks the browser paints what is there (the context, the partners in their base style
 * as their batches arrive) and answers input; map.js then draws the first view in a task of its own. The
 * first step waits for the document's first frame: its style and layout load the faces of the map's text
 * (map.css, .mrh-fonts), a long frame in a new browser, and it should not share a task with a step. */
(function (MRH) {
  "use strict";

  var BUDGET_MS = 20;  // at 4× CPU slowdown a task then stays under 50 ms (bench/trace.md)

  function pause() {
    if (window.scheduler && typeof window.scheduler.yield === "function") { return window.scheduler.yield(); }
    return new Promise(function (resolve) { setTimeout(resolve, 0); });
  }

  /* Resolves in the task after the browser's next frame; a frame in a background tab may not come, so at the
     latest after 100 ms. */
  function afterFrame() {
    return new Promise(function (resolve) {
      var done = false;
      function go() {
        if (!done) {
          done = true;
          resolve();
        }
      }
      requestAnimationFrame(function () { setTimeout(go, 0); });
      setTimeout(go, 100);
    });
  }

  /* Calls each(item, number) for every item in order, as many per task as fit into BUDGET_MS; resolves when
     all are done. */
  function inTasks(items, each) {
    var next = 0;
    function task() {
      var started = performance.now();
      while (next < items.length) {
        next += 1;
        each(items[next - 1], next);
        if (performance.now() - started > BUDGET_MS && next < items.length) { return pause().then(task); }
      }
      return null;
    }
    return Promise.resolve(task());
  }

  function runSteps() {
    var nodes = Array.prototype.slice.call(document.querySelectorAll('script[type="text/x-mrh-step"]'));
    afterFrame().then(function () {  // not in the parser's task, nor in the document's first frame
      return inTasks(nodes, function (node, number) {
        var script = document.createElement("script");
        script.text = node.text + "\n//# sourceURL=karte-schritt-" + number + ".js";  // named in traces
        node.parentNode.replaceChild(script, node);  // runs now; an error stops this step only
      });
    });
  }

  MRH.pause = pause;
  MRH.inTasks = inTasks;
  MRH.afterFrame = afterFrame;
  MRH.runSteps = runSteps;
})(window.MRH = window.MRH || {});
