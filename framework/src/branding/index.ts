/** Identité visuelle of each collectivité (issue 16 §4): name, logo and a contrast-checked accent colour. */
export { checkAccentColour, contrastRatio, NEEDED_RATIO, normalizedColour, relativeLuminance, shownRatio, weakestContrast, type ColourCheck } from './contrast.ts';
export { checkLogo, LOGO_MAX_BYTES, LOGO_MAX_SIDE, LOGO_TYPES, type LogoCheck } from './logo-upload.ts';
export { brandingMessages } from './messages.ts';
export { BRANDING_PERMISSION, brandingIn, mayEditBranding, readBranding, removeLogo, saveColour, saveLogo, type Branding, type BrandingRuntime } from './store.ts';
export { themeClass, themeStylesheet } from './theme.ts';
export { BRANDING_MIGRATION, DEMO_BRANDING, installDemoBranding } from './demo.ts';
