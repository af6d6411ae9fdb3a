export { stripJpegMetadata, stripPngMetadata } from './strip-metadata.js';
export { survivalCell, surviveAssets, type SurviveAssetsRequest } from './survival-matrix.js';
export {
  applyTransform,
  parseTransforms,
  SURVIVAL_TRANSFORMS,
  TRANSFORM_DESCRIPTIONS,
} from './transforms.js';
