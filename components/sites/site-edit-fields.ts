/**
 * The Sites view's edit fields, loaded after its first paint (the fields sit below the figures). A module of its own
 * so that the view imports it dynamically while the other views keep importing the field element statically (a
 * dynamic import of the element's own module made the bundler wrap it, and add its runtime, on every view).
 * @module
 */
import '../inputs/rack-quantity-input';
