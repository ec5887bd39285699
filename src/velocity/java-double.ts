export { JavaDouble, type JavaNumber, isJavaNumber, javaDoubleText, numberValue } from '../java/double.js';
