/** Which Cytoscape renderer draws a graph of a given size. */
export type RendererMode = 'canvas' | 'webgl';

/** 'hardware', 'software' (SwiftShader, llvmpipe: WebGL drawn by the CPU) or 'none'. */
export function webgl2Support(): 'hardware' | 'software' | 'none' {
  try {
    const gl = document.createElement('canvas').getContext('webgl2');
    if (!gl) return 'none';
    const info = gl.getExtension('WEBGL_debug_renderer_info');
    const renderer = String(info ? gl.getParameter(info.UNMASKED_RENDERER_WEBGL) : gl.getParameter(gl.RENDERER));
    gl.getExtension('WEBGL_lose_context')?.loseContext();
    return /swiftshader|llvmpipe|softpipe|software/i.test(renderer) ? 'software' : 'hardware';
  } catch {
    return 'none';
  }
}

let support: ReturnType<typeof webgl2Support> | undefined;

/**
 * Probes WebGL2 once, ahead of need: creating a WebGL context costs 10–50 ms of main thread, which is better
 * spent while the page waits for the graph than in the task that starts drawing it.
 */
export function probeWebgl(): void {
  support ??= webgl2Support();
}

/**
 * WebGL above the threshold, but only on a real GPU: software WebGL is slower than the canvas renderer
 * (measured by bench/client-bench.ts). `?renderer=` forces either. A graph below the threshold needs no probe.
 */
export function chooseRenderer(nodeCount: number, options: { webglThreshold: number; forceRenderer?: RendererMode }): RendererMode {
  if (!options.forceRenderer && nodeCount < options.webglThreshold) return 'canvas';
  probeWebgl();
  if (options.forceRenderer) return options.forceRenderer === 'webgl' && support !== 'none' ? 'webgl' : 'canvas';
  return support === 'hardware' ? 'webgl' : 'canvas';
}
