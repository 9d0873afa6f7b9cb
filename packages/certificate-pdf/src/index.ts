export {
  CertificatePdfData,
  CertificatePdfDataError,
  CertificatePdfRenderer,
  CertificatePdfRendererOptions,
} from './certificate-pdf-renderer';
export { defaultFontsDir, FONT_FILES, loadFonts, SharedFont } from './fonts';
export { CertificateKind, CertificatePdfLanguage, formatCertificateDate } from './labels';
